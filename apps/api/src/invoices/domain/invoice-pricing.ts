import {
  computeInvoiceTotals,
  type InvoicePricingTerms,
  type InvoiceTotals,
  type UnpricedInvoiceLine,
} from '@velosi/contracts';
import type { InvoiceLineValues } from '../persistence/invoices.repository.js';

/** A line before pricing: what the user or the job line gave, rate resolved. */
export interface UnpricedLine extends UnpricedInvoiceLine {
  creditedLineId: string | null;
}

export type PricingTerms = InvoicePricingTerms;

export interface PricedInvoice {
  lines: InvoiceLineValues[];
  totals: InvoiceTotals;
}

/**
 * Prices an invoice with the contracts' computeInvoiceTotals, the code the SPA's editor shows live
 * totals with (packages/contracts/src/invoices/invoice-math.ts).
 */
export function priceInvoice(items: readonly UnpricedLine[], terms: PricingTerms): PricedInvoice {
  const { lines, totals } = computeInvoiceTotals(items, terms);
  return { lines: lines.map((line, position) => ({ ...line, position })), totals };
}
