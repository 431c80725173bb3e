import { z } from 'zod';
import { AmountSchema, CurrencyCodeSchema, ExchangeRateSchema, QuantitySchema } from './common.js';
import { lineTotalTooLarge, MAX_LINE_TOTAL_TND, type BoundedLine } from './amount-bounds.js';
import { decimalsDiffer } from './decimal.js';
import { VatRateSchema } from './quotes/quote-totals.js';
import { BASE_CURRENCY } from './vocabulary.js';

/**
 * The VAT a line bears: its rate, or none for débours (paid on the client's behalf and re-billed
 * at cost — no VAT, no margin). Supplier invoice lines, whose amount is already in the invoice
 * currency, have just these.
 */
export const vatFields = { vatRate: VatRateSchema, isDisbursement: z.boolean() };

/**
 * The priced part of a line, shared by quote lines, job charges, invoice lines and supplier
 * invoice lines: what it costs in which currency, at which frozen rate, with which VAT.
 * Unit prices are in `currency`; totals are converted to TND with `exchangeRate`.
 */
export const pricingFields = {
  currency: CurrencyCodeSchema,
  /** TND per unit of `currency`, frozen when the line is priced (later rate moves do not re-price). */
  exchangeRate: ExchangeRateSchema,
  ...vatFields,
};

/** A line priced by one unit price (job charges, invoice lines); quotes price buy and sell apart. */
export const unitPricedFields = {
  quantity: QuantitySchema,
  unitPrice: AmountSchema,
  ...pricingFields,
};

/** What a line as sent may leave out: TND and not a débours. */
export const pricingInputDefaults = {
  currency: CurrencyCodeSchema.default(BASE_CURRENCY),
  isDisbursement: z.boolean().default(false),
};

/** A rule across fields broken by a line (or a header), with the field it points at. */
export interface LineIssue {
  path: string[];
  message: string;
}

/** A TND line (or invoice) always converts at 1. */
export function tndRateIssue(
  priced: { currency?: string | undefined; exchangeRate?: string | undefined },
  what = 'line',
): LineIssue | undefined {
  return priced.currency === BASE_CURRENCY && priced.exchangeRate && decimalsDiffer(priced.exchangeRate, '1')
    ? { path: ['exchangeRate'], message: `a TND ${what} has an exchange rate of 1` }
    : undefined;
}

/** Débours are outside VAT. */
export function disbursementVatIssue(priced: {
  isDisbursement?: boolean | undefined;
  vatRate?: number | undefined;
}): LineIssue | undefined {
  return priced.isDisbursement && priced.vatRate !== 0
    ? { path: ['vatRate'], message: 'a disbursement carries no VAT' }
    : undefined;
}

/** The line's TND total must fit its column (see amount-bounds). */
export function lineTotalIssue(line: BoundedLine): LineIssue | undefined {
  return lineTotalTooLarge(line)
    ? {
        path: ['quantity'],
        message: `quantity × unit price × rate must not exceed ${MAX_LINE_TOTAL_TND} TND`,
      }
    : undefined;
}

/** `lineTotalIssue` for a line priced by one unit price; nothing to check while either is missing. */
export function unitPricedTotalIssue(line: {
  quantity?: string | undefined;
  unitPrice?: string | undefined;
  exchangeRate?: string | null | undefined;
}): LineIssue | undefined {
  const { quantity, unitPrice } = line;
  if (quantity === undefined || unitPrice === undefined) return undefined;
  return lineTotalIssue({
    quantity,
    buyUnitPrice: unitPrice,
    sellUnitPrice: unitPrice,
    exchangeRate: line.exchangeRate,
  });
}

/** The issues found, in the order given, without the checks that passed. */
export function issuesOf(...found: (LineIssue | undefined)[]): LineIssue[] {
  return found.filter((issue): issue is LineIssue => issue !== undefined);
}

/** Reports each issue found on a zod refinement context, in the order given. */
export function addIssues(ctx: z.RefinementCtx, found: readonly (LineIssue | undefined)[]): void {
  for (const issue of issuesOf(...found)) ctx.addIssue({ code: 'custom', ...issue });
}
