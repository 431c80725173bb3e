import { computeQuoteTotals, type QuoteLineInput } from '@velosi/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../common/records/repository.js';
import type { Transaction } from '../database/database.types.js';
import { toQuoteLine } from './quotes.records.js';
import { quoteLines, type QuoteLineRow } from './quotes.table.js';

/** What the totals depend on besides the lines. */
export interface PricingHeader {
  currency: string;
  exchangeRate?: string | null;
  stampDutyApplies: boolean;
}

/** A line as stored, without its quote id (given when the set is written). */
export type PricedLine = Omit<typeof quoteLines.$inferInsert, 'quoteId' | 'id'>;

/**
 * Prices a quote with the contracts' computeQuoteTotals (decimal.js): the server's figures are the
 * only ones stored — any totals a client computed for display are never read.
 */
export function priceQuote(items: readonly QuoteLineInput[], header: PricingHeader) {
  const { lines, totals } = computeQuoteTotals(items, {
    stampDuty: header.stampDutyApplies ? undefined : false,
    currency: header.currency,
    exchangeRate: header.exchangeRate,
  });
  const priced: PricedLine[] = items.map((item, position) => {
    const figures = lines[position];
    if (!figures) throw new Error(`no totals for line ${position}`);
    return {
      ...item,
      position,
      chargeTypeCode: item.chargeTypeCode ?? null,
      // A TND line has rate 1; other currencies carry theirs (the schema requires it).
      exchangeRate: item.exchangeRate ?? '1',
      ...figures,
    };
  });
  return {
    lines: priced,
    totals: {
      buyTnd: totals.buyTnd,
      sellTnd: totals.sellTnd,
      marginTnd: totals.marginTnd,
      marginPercent: totals.marginPercent,
      vatTnd: totals.vatTnd,
      vatBreakdown: totals.vatBreakdown,
      disbursementsTnd: totals.disbursementsTnd,
      stampDutyTnd: totals.stampDutyTnd,
      totalTnd: totals.totalTnd,
      totalQuoteCurrency: totals.quoteCurrency?.totalAmount ?? null,
    },
  };
}

/** Replaces the quote's lines as one set, inside the caller's transaction. */
export async function writeLines(
  tx: Transaction,
  quoteId: string,
  lines: readonly PricedLine[],
): Promise<QuoteLineRow[]> {
  await tx.delete(quoteLines).where(eq(quoteLines.quoteId, quoteId));
  if (lines.length === 0) return [];
  return tx
    .insert(quoteLines)
    .values(lines.map((line) => ({ ...line, quoteId })))
    .returning();
}

/** Lines of several quotes (one query), grouped by quote id and ordered by position. */
export async function readLines(db: Executor, quoteIds: readonly string[]) {
  const byQuote = new Map<string, ReturnType<typeof toQuoteLine>[]>();
  if (quoteIds.length === 0) return byQuote;
  const rows = await db
    .select()
    .from(quoteLines)
    .where(inArray(quoteLines.quoteId, [...quoteIds]))
    .orderBy(asc(quoteLines.quoteId), asc(quoteLines.position));
  for (const row of rows) {
    const list = byQuote.get(row.quoteId) ?? [];
    list.push(toQuoteLine(row));
    byQuote.set(row.quoteId, list);
  }
  return byQuote;
}

/** A stored line back to the input shape (revise and duplicate copy lines through pricing again). */
export function lineInput(line: ReturnType<typeof toQuoteLine>): QuoteLineInput {
  return {
    kind: line.kind,
    description: line.description,
    chargeTypeCode: line.chargeTypeCode,
    quantity: line.quantity,
    unit: line.unit,
    buyUnitPrice: line.buyUnitPrice,
    sellUnitPrice: line.sellUnitPrice,
    currency: line.currency,
    exchangeRate: line.exchangeRate,
    vatRate: line.vatRate,
    isDisbursement: line.isDisbursement,
  };
}
