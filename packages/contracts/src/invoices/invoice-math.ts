// Zod-free: the few decimal operations invoicing needs beyond the quote totals (remaining
// quantities to credit, credit-limit checks), on the contracts' decimal.js clone — never JS numbers.
// The SPA imports this file alone (`@velosi/contracts/invoice-math`) to show an invoice draft's live
// totals with the exact code the API prices it with (apps/api/src/invoices/domain/invoice-pricing.ts).
import { Dec, fixed, parseDecimal } from '../decimal.js';
import { computeQuoteTotals, type VatBreakdownEntry } from '../quotes/quote-math.js';

/** a − b, 3 decimals. */
export function subtractAmounts(a: string, b: string): string {
  return fixed(parseDecimal(a, 'a').minus(parseDecimal(b, 'b')), 3);
}

/** Sum of amounts, 3 decimals. */
export function sumAmounts(values: readonly string[]): string {
  return fixed(
    values.reduce((acc, v, i) => acc.plus(parseDecimal(v, `value ${i + 1}`)), new Dec(0)),
    3,
  );
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareAmounts(a: string, b: string): number {
  return parseDecimal(a, 'a').comparedTo(parseDecimal(b, 'b'));
}

/** The fields of an invoice line its figures depend on. */
export interface InvoicePricingLine {
  quantity: string;
  unitPrice: string;
  exchangeRate: string;
  vatRate: number;
  isDisbursement: boolean;
}

/**
 * An invoice line before pricing, as the SPA's editor holds it and the API prices it (decimals as
 * strings).
 */
export interface UnpricedInvoiceLine extends InvoicePricingLine {
  chargeTypeCode: string | null;
  description: string;
  currency: string;
  /** The job revenue line it bills, kept so that a draft still bills it. */
  jobChargeId: string | null;
}

export interface InvoicePricingTerms {
  /** `subject` charges each line's VAT; `exempt` and `suspended` clients pay none. */
  vatRegime: string;
  /** TND, or false (client exempt, or a partial credit note). */
  stampDuty: string | false;
  currency: string;
  exchangeRate: string;
}

/** An invoice's totals (the shape InvoiceTotalsSchema validates), TND decimal strings. */
export interface InvoiceTotalsFigures {
  netTnd: string;
  vatTnd: string;
  vatBreakdown: VatBreakdownEntry[];
  disbursementsTnd: string;
  stampDutyTnd: string;
  totalTnd: string;
  totalCurrency: string | null;
}

/** A priced line: the VAT rate actually applied, its amount and VAT in TND. */
export type PricedInvoiceLine<L extends InvoicePricingLine> = L & { amountTnd: string; vatTnd: string };

/**
 * Prices an invoice with computeQuoteTotals — the same decimal code as quotes: VAT per rate on
 * rounded line totals, débours outside VAT, stamp duty once. An invoice has no buy side: the buy
 * price is 0. A client not subject to VAT gets every line at 0 % (the invoice cites the
 * suspension authorisation instead).
 */
export function computeInvoiceTotals<L extends InvoicePricingLine>(
  items: readonly L[],
  terms: InvoicePricingTerms,
): { lines: PricedInvoiceLine<L>[]; totals: InvoiceTotalsFigures } {
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
      return { ...item, amountTnd: figures.sellTotalTnd, vatTnd: figures.vatTnd };
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
