import { computeQuoteTotals, type QuoteLine, type QuoteLineInput } from '@velosi/contracts';
import type { PricedLine, PricedQuote } from '../persistence/quotes.repository.js';

/** What the totals depend on besides the lines. */
export interface PricingHeader {
  currency: string;
  exchangeRate?: string | null;
  stampDutyApplies: boolean;
}

/**
 * Prices a quote with the contracts' computeQuoteTotals (decimal.js): the server's figures are the
 * only ones stored — any totals a client computed for display are never read.
 */
export function priceQuote(items: readonly QuoteLineInput[], header: PricingHeader): PricedQuote {
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

/** A stored line back to the input shape (revise and duplicate copy lines through pricing again). */
export function lineInput(line: QuoteLine): QuoteLineInput {
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
