import { formatQuoteNumber } from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import type { Transaction } from '../database/database.types.js';
import { businessToday } from './quote-status.js';
import { quoteCounters } from './quotes.table.js';

export interface QuoteNumberAssignment {
  number: string;
  year: number;
  sequence: number;
}

/**
 * Draws the next number of the current year inside the creating transaction.
 *
 * The upsert takes the year's row lock: a concurrent creation (any API instance, any pooled
 * connection) waits until this transaction ends, then reads the committed `last`. If this
 * transaction rolls back, the increment rolls back with it and the number is handed out again —
 * numbers are unique AND gapless, which neither a sequence (nextval survives rollbacks) nor
 * "select max + 1" (two readers see the same max) would give. One statement, no session state:
 * safe through a transaction pooler.
 */
export async function assignQuoteNumber(
  tx: Transaction,
  today = businessToday(),
): Promise<QuoteNumberAssignment> {
  const year = Number(today.slice(0, 4));
  const [row] = await tx
    .insert(quoteCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({ target: quoteCounters.year, set: { last: sql`${quoteCounters.last} + 1` } })
    .returning({ last: quoteCounters.last });
  if (!row) throw new Error('quote counter upsert returned no row');
  return { number: formatQuoteNumber({ year, sequence: row.last }), year, sequence: row.last };
}
