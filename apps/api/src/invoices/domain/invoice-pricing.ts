import { computeQuoteTotals, subtractAmounts, type InvoiceTotals } from '@velosi/contracts';
import type { InvoiceLineValues } from '../persistence/invoices.repository.js';

/** A line before pricing: what the user or the job line gave, rate resolved. */
export interface UnpricedLine {
  chargeTypeCode: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  currency: string;
  exchangeRate: string;
  vatRate: number;
  isDisbursement: boolean;
  jobChargeId: string | null;
  creditedLineId: string | null;
}

export interface PricingTerms {
  /** `subject` charges each line's VAT; `exempt` and `suspended` clients pay none. */
  vatRegime: string;
  /** TND, or false (client exempt, or a partial credit note). */
  stampDuty: string | false;
  currency: string;
  exchangeRate: string;
}

export interface PricedInvoice {
  lines: InvoiceLineValues[];
  totals: InvoiceTotals;
}

/**
 * Prices an invoice with the contracts' computeQuoteTotals — the same decimal code as quotes: VAT
 * per rate on rounded line totals, débours outside VAT, stamp duty once. An invoice has no buy
 * side: the buy price is 0. A client not subject to VAT gets every line at 0 % (the invoice cites
 * the suspension authorisation instead).
 */
export function priceInvoice(items: readonly UnpricedLine[], terms: PricingTerms): PricedInvoice {
  const taxed = items.map((item) => ({
    ...item,
    vatRate: terms.vatRegime === 'subject' && !item.isDisbursement ? item.vatRate : 0,
  }));
  const { lines, totals } = computeQuoteTotals(
    taxed.map((item) => ({ ...item, buyUnitPrice: '0', sellUnitPrice: item.unitPrice })),
    { stampDuty: terms.stampDuty, currency: terms.currency, exchangeRate: terms.exchangeRate },
  );
  return {
    lines: taxed.map((item, position) => {
      const figures = lines[position];
      if (!figures) throw new Error(`no totals for line ${position}`);
      return { ...item, position, amountTnd: figures.sellTotalTnd, vatTnd: figures.vatTnd };
    }),
    totals: {
      netTnd: subtractAmounts(totals.sellTnd, totals.disbursementsTnd),
      vatTnd: totals.vatTnd,
      vatBreakdown: totals.vatBreakdown,
      disbursementsTnd: totals.disbursementsTnd,
      stampDutyTnd: totals.stampDutyTnd,
      totalTnd: totals.totalTnd,
      totalCurrency: totals.quoteCurrency?.totalAmount ?? null,
    },
  };
}
