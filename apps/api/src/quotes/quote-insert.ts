import { randomUUID } from 'node:crypto';
import type { QuoteCreate } from '@velosi/contracts';
import type { Actor } from '../common/records/actor.js';
import type { RecordRepository } from '../common/records/repository.js';
import type { Transaction } from '../database/database.types.js';
import { assignQuoteNumber, provisionalNumber } from './quote-numbers.js';
import { priceQuote, writeLines } from './quote-pricing.js';
import {
  quoteHeaderColumns,
  toQuoteHeader,
  type QuoteHeader,
  type QuoteSortField,
} from './quotes.records.js';
import { quotes, type QuoteRow } from './quotes.table.js';

/** The number of a revision: same year and sequence as its parent, next revision. */
export interface RevisionNumbering {
  number: string;
  year: number;
  sequence: number;
  revision: number;
  revisedFromId: string;
}

/** Quote header fields a new quote (create, revise, duplicate, demo) is built from. */
export type NewQuote = Omit<QuoteCreate, 'validUntil' | 'assignedTo'> & {
  validUntil: string;
  assignedTo: string[];
};

export interface InsertOptions {
  /** Given for a revision: its number instead of a fresh one from the counter. */
  revision?: RevisionNumbering | undefined;
  /** Fixed id (the demo seed's deterministic ids); random otherwise. */
  id?: string;
}

/**
 * Inserts a draft with its priced lines, then numbers it and audits the creation, in the caller's
 * transaction. A new quote is inserted under a provisional number and takes its real one last
 * (quote-numbers.ts), so the year's counter stays locked only for the numbering statement, the
 * audit insert and COMMIT — the part of a creation that concurrent creations must wait for.
 */
export async function insertQuote(
  tx: Transaction,
  records: RecordRepository<typeof quotes, QuoteHeader, QuoteSortField>,
  actor: Actor,
  quote: NewQuote,
  { revision, id = randomUUID() }: InsertOptions = {},
): Promise<QuoteRow> {
  const priced = priceQuote(quote.items, quote);
  const [inserted] = await tx
    .insert(quotes)
    .values({
      ...quoteHeaderColumns(quote),
      id,
      clientId: quote.clientId ?? null,
      leadId: quote.leadId ?? null,
      ...(revision ?? {
        number: provisionalNumber(id),
        year: 0,
        sequence: 0,
        revision: 1,
        revisedFromId: null,
      }),
      status: 'draft',
      ...priced.totals,
      createdBy: actor.user.sub,
    })
    .returning();
  if (!inserted) throw new Error('quote insert returned no row');
  await writeLines(tx, id, priced.lines);
  const row = revision ? inserted : { ...inserted, ...(await assignQuoteNumber(tx, id)) };
  await records.recordAudit(tx, actor, 'create', id, undefined, toQuoteHeader(row));
  return row;
}
