import { sql, eq } from 'drizzle-orm';
import type { Transaction } from '../database/database.types.js';
import { businessToday } from './quote-status.js';
import { quoteCounters, quotes } from './quotes.table.js';

/** Number of a quote row between its insert and the numbering statement (never visible outside). */
export function provisionalNumber(quoteId: string): string {
  return `pending-${quoteId}`;
}

/**
 * Gives the freshly inserted quote `quoteId` the next number of the year, as the LAST statement of
 * the creating transaction, in one round trip:
 *
 *   WITH counter AS (INSERT INTO quote_counters … ON CONFLICT (year) DO UPDATE SET last = last + 1
 *                    RETURNING last)
 *   UPDATE quotes SET sequence = counter.last, number = 'Q2026-' || lpad(counter.last, 5, '0') …
 *
 * The upsert takes the year's row lock: a concurrent creation (any API instance, any pooled
 * connection) waits until this transaction ends, then reads the committed `last`. If the
 * transaction rolls back, the increment rolls back with it and the number is handed out again —
 * unique AND gapless, which neither a sequence (nextval survives rollbacks) nor "select max + 1"
 * (two readers see the same max) gives. Taking the lock last keeps the serialised part of a
 * creation to this statement, the audit insert and COMMIT. One statement, no session state: safe
 * through a transaction pooler.
 *
 * The format is the contracts' formatQuoteNumber (`Q{YYYY}-{NNNNN}`), written in SQL so number and
 * counter change together; quotes tests parse every number they get with parseQuoteNumber.
 */
export async function assignQuoteNumber(
  tx: Transaction,
  quoteId: string,
  today = businessToday(),
): Promise<{ number: string; year: number; sequence: number }> {
  const year = Number(today.slice(0, 4));
  const counter = tx.$with('counter', { last: sql<number>`last`.as('last') }).as(
    sql`insert into ${quoteCounters} (year, last) values (${year}, 1)
        on conflict (year) do update set last = ${quoteCounters.last} + 1
        returning last`,
  );
  const [row] = await tx
    .with(counter)
    .update(quotes)
    .set({
      year,
      sequence: sql`${counter.last}`,
      number: sql`${`Q${year}-`} || lpad(${counter.last}::text, 5, '0')`,
    })
    .from(counter)
    .where(eq(quotes.id, quoteId))
    .returning({ number: quotes.number, sequence: quotes.sequence });
  if (!row) throw new Error(`quote ${quoteId} to number was not found`);
  return { number: row.number, year, sequence: row.sequence };
}
