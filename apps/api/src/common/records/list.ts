import type { ArchivedFilter } from '@velosi/contracts';
import { asc, desc, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export type SortDirection = 'asc' | 'desc';
export interface Sort<F extends string> {
  field: F;
  direction: SortDirection;
}

/** What every list contract (`listContracts` in @velosi/contracts) parses a query into. */
export interface ListQuery<F extends string> {
  page: number;
  pageSize: number;
  q?: string | undefined;
  sort?: Sort<F> | undefined;
  archived: ArchivedFilter;
}

export interface Page<T> {
  items: T[];
  total: number;
  totalIsEstimate?: boolean;
  page: number;
  pageSize: number;
}

/** `{ limit, offset }` of a 1-based page. */
export function pageWindow(query: { page: number; pageSize: number }): { limit: number; offset: number } {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/**
 * ORDER BY from a contract sort: the field was checked against the contract's allowlist, and is
 * only ever used as a key of `columns` — a name never reaches the SQL text. Rows without a value
 * come last either way (PostgreSQL puts them first when descending: a page of "—" before the
 * latest ETAs). `tieBreaker` (the id) makes the order total, so paging neither repeats nor skips
 * rows with equal sort values.
 */
export function orderByFor<F extends string>(
  columns: Readonly<Record<F, PgColumn | SQL>>,
  sort: Sort<F>,
  tieBreaker: PgColumn,
): SQL[] {
  const direction = sort.direction === 'asc' ? asc : desc;
  return [sql`${direction(columns[sort.field])} nulls last`, direction(tieBreaker)];
}

/** `archived=false` (default) keeps live rows, `true` only archived ones, `all` both. */
export function archivedCondition(archivedAt: PgColumn, filter: ArchivedFilter): SQL | undefined {
  if (filter === 'all') return undefined;
  return filter === 'true' ? isNotNull(archivedAt) : isNull(archivedAt);
}

/**
 * A yes/no list filter on a condition that may be NULL (`overdue`, whose dates may be unset):
 * absent → no filter, `true` → the condition, `false` → rows where it is false or NULL.
 */
export function flagCondition(flag: boolean | undefined, condition: SQL): SQL | undefined {
  if (flag === undefined) return undefined;
  return flag ? condition : sql`not coalesce(${condition}, false)`;
}

/** Escapes LIKE wildcards so `q=50%` searches for "50%" literally (backslash is LIKE's escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The sort keys every record list offers: when a row was created and last changed. */
export const recordSortColumns = (table: { createdAt: PgColumn; updatedAt: PgColumn }) => ({
  createdAt: table.createdAt,
  updatedAt: table.updatedAt,
});

/**
 * Sort key of an enum-like text column in its business order (priority low → urgent, stage
 * prospecting → closed), not alphabetically. Each value is a bound parameter.
 */
export function enumOrder(column: PgColumn, values: readonly string[]): SQL {
  const list = sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );
  return sql`array_position(ARRAY[${list}]::text[], ${column})`;
}
