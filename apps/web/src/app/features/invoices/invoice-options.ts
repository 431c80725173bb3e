import type { InvoiceStatus, InvoiceSummary } from '@velosi/contracts';
import { compareAmounts } from '@velosi/contracts/invoice-math';

// Amounts are shown with the quotes' formatting (shared/sales/money grouping, 3 decimals in TND):
// `1 234,500 TND` in French, `1,234.500 TND` in English.
export { formatMoney, formatQuantity, todayIso } from '../quotes/quote-options';

/** The contract's statuses (zod-free copy checked against the type: the SPA bundle skips zod). */
export const INVOICE_STATUSES = ['draft', 'issued'] as const satisfies readonly InvoiceStatus[];

/** The list's "overdue" filter: the API's `overdue` query flag. */
export const OVERDUE_CHOICES = ['true'] as const;

/** Chip colour class: overdue issued invoices stand out (styles in invoices.scss). */
export function invoiceStatusClass(invoice: Pick<InvoiceSummary, 'status' | 'overdue'>): string {
  return invoice.overdue ? 'status-overdue' : `status-${invoice.status satisfies InvoiceStatus}`;
}

/** The number shown for a draft (which has none yet). */
export function invoiceLabel(invoice: Pick<InvoiceSummary, 'number'>, draftLabel: string): string {
  return invoice.number ?? draftLabel;
}

/** Whether a decimal string is zero ("0", "0.000"): settled or empty amounts show differently. */
export function isZero(value: string): boolean {
  return compareAmounts(value, '0') === 0;
}
