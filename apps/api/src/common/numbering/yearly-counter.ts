import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '../../database/database.types.js';

/**
 * A counter table of a numbered document (quotes today; jobs, invoices, credit notes next): one
 * row per year, `last` = the last sequence handed out that year.
 */
export type YearlyCounterTable = PgTable & { year: PgColumn; last: PgColumn };

/** Number of a row between its insert and the numbering statement (never visible outside). */
export function provisionalNumber(id: string): string {
  return `pending-${id}`;
}

/** The year a document numbered on `today` (`YYYY-MM-DD`, business day) belongs to. */
export function numberingYear(today: string): number {
  return Number(today.slice(0, 4));
}

/**
 * The common table expression that takes the next sequence of `year`, to be joined by the
 * UPDATE that writes the number onto the fresh row, as the LAST statement of the creating
 * transaction, in one round trip:
 *
 *   WITH counter AS (INSERT INTO <counters> … ON CONFLICT (year) DO UPDATE SET last = last + 1
 *                    RETURNING last)
 *   UPDATE <documents> SET sequence = counter.last, number = 'Q2026-' || lpad(counter.last, 5, '0') …
 *
 * The upsert takes the year's row lock: a concurrent creation (any API instance, any pooled
 * connection) waits until this transaction ends, then reads the committed `last`. If the
 * transaction rolls back, the increment rolls back with it and the number is handed out again —
 * unique AND gapless, which neither a sequence (nextval survives rollbacks) nor "select max + 1"
 * (two readers see the same max) gives. Taking the lock last keeps the serialised part of a
 * creation to this statement, the audit insert and COMMIT. One statement, no session state: safe
 * through a transaction pooler.
 */
export function nextInYear(tx: Transaction, counters: YearlyCounterTable, year: number) {
  return tx.$with('counter', { last: sql<number>`last`.as('last') }).as(
    sql`insert into ${counters} (year, last) values (${year}, 1)
        on conflict (year) do update set last = ${counters.last} + 1
        returning last`,
  );
}

/**
 * `{prefix}{YYYY}-{NNNNN}` in SQL (`Q2026-00042`), so number and counter change in the same
 * statement; the contracts' formatters (formatQuoteNumber…) write the same shape in TypeScript.
 */
export function yearlyNumberSql(prefix: string, year: number, sequence: SQL | SQL.Aliased): SQL<string> {
  return sql<string>`${`${prefix}${year}-`} || lpad(${sequence}::text, 5, '0')`;
}

/** A counter table kept per series and year (job numbers: one series per mode/direction prefix). */
export type SeriesCounterTable = YearlyCounterTable & { prefix: PgColumn };

/**
 * `nextInYear` for a counter keyed by (prefix, year): the same single upsert, so the same row lock
 * serialises creations of one series and year, and a rollback gives the number back.
 */
export function nextInSeriesYear(
  tx: Transaction,
  counters: SeriesCounterTable,
  prefix: string,
  year: number,
) {
  return tx.$with('counter', { last: sql<number>`last`.as('last') }).as(
    sql`insert into ${counters} (prefix, year, last) values (${prefix}, ${year}, 1)
        on conflict (prefix, year) do update set last = ${counters.last} + 1
        returning last`,
  );
}
