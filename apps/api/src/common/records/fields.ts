import type { Money, VatRate } from '@velosi/contracts';

/**
 * Drops the keys whose value is `undefined`: in a PATCH body a missing key means "leave as is"
 * while `null` clears the column, so only the former must disappear from the SET list.
 */
export function presentOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The two column values of a Money field `<prefix>` (see `moneyColumns` in columns.ts). */
export type MoneyColumnValues<P extends string> = { [K in `${P}Amount` | `${P}Currency`]: string | null };

/** Money (or null = clear, undefined = leave as is) → `{ <prefix>Amount, <prefix>Currency }`. */
export function moneyToColumns<P extends string>(
  prefix: P,
  money: Money | null | undefined,
): Partial<MoneyColumnValues<P>> {
  if (money === undefined) return {};
  return {
    [`${prefix}Amount`]: money?.amount ?? null,
    [`${prefix}Currency`]: money?.currency ?? null,
  } as MoneyColumnValues<P>;
}

/**
 * Two columns → Money. PostgreSQL answers numeric(15,3) as "1250.500"; the scale is kept on
 * purpose: every amount the API answers has three decimals.
 */
export function moneyFromColumns(amount: string | null, currency: string | null): Money | null {
  return amount !== null && currency !== null ? { amount, currency } : null;
}

/** ISO string of a timestamptz column value (null stays null). */
export function isoOrNull(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

/** The contract's `entityMetaShape` part of a row. */
export function recordMeta(row: {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  archivedAt: Date | null;
}) {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    archivedAt: isoOrNull(row.archivedAt),
  };
}

/** What a priced line is made of (columns.ts `pricedLineColumns`), as the contracts give it. */
export function pricedLineFields(row: {
  quantity: string;
  unitPrice: string;
  currency: string;
  exchangeRate: string;
  vatRate: number;
}) {
  return {
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    vatRate: row.vatRate as VatRate,
  };
}
