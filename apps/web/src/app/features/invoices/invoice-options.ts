import type { InvoicePaymentStatus, InvoiceStatus, InvoiceSummary } from '@velosi/contracts';
import { compareAmounts } from '@velosi/contracts/invoice-math';

import { formatMoney } from '../../shared/sales/money';

export { todayIso } from '../quotes/quote-options';

/** The contract's statuses (zod-free copy checked against the type: the SPA bundle skips zod). */
export const INVOICE_STATUSES = ['draft', 'issued'] as const satisfies readonly InvoiceStatus[];

/** The list's "overdue" filter: the API's `overdue` query flag. */
export const OVERDUE_CHOICES = ['true'] as const;

/** What a status chip says (an i18n key of the `invoices` scope) and its colour class (invoices.scss). */
export interface InvoiceChip {
  key: string;
  cssClass: string;
}

type SettledInvoice = Pick<InvoiceSummary, 'status' | 'paymentStatus' | 'paidAmount' | 'creditedAmount'>;

/**
 * An issued invoice's settlement in a word: the API's `paymentStatus`, except that an invoice left
 * with nothing to pay by credit notes alone reads "credited", not "paid" (a tester read "Payée"
 * beside "Payé 0,000 TND"). Null for a draft.
 */
export function settlementWord(invoice: SettledInvoice): InvoicePaymentStatus | 'credited' | null {
  const payment = invoice.status === 'issued' ? invoice.paymentStatus : null;
  const creditedOnly =
    payment === 'paid' &&
    compareAmounts(invoice.paidAmount, '0') === 0 &&
    compareAmounts(invoice.creditedAmount, '0') > 0;
  return creditedOnly ? 'credited' : payment;
}

/**
 * The one status chip of an invoice (list, detail header, job panel). Once an invoice is issued,
 * what finance wants at a glance is whether it is paid: the chip then reads the API's
 * `paymentStatus` (unpaid / partially paid / paid / overdue — the API's overdue rule, not ours).
 * A draft reads "Draft"; a credit note, which is never paid, reads its document status.
 */
export function invoiceChip(invoice: SettledInvoice): InvoiceChip {
  const payment = settlementWord(invoice);
  if (payment) return { key: `invoices.paymentStatus.${payment}`, cssClass: `pay-${payment}` };
  const status: InvoiceStatus = invoice.status;
  return { key: `invoices.status.${status}`, cssClass: `status-${status}` };
}

/**
 * The list's "Amount due": the API's `openAmount` in the invoice's currency (what the client still
 * owes: total − credit notes − payments), so overdue rows add up to the dashboard's "of which
 * overdue". Drafts and credit notes owe nothing by themselves: a dash, not "0".
 */
export function amountDue(
  invoice: Pick<InvoiceSummary, 'kind' | 'status' | 'openAmount' | 'currency'>,
  lang: string,
): string {
  if (invoice.kind !== 'invoice' || invoice.status !== 'issued') return '—';
  return formatMoney(invoice.openAmount, invoice.currency, lang);
}

/** The number shown for a draft (which has none yet). */
export function invoiceLabel(invoice: Pick<InvoiceSummary, 'number'>, draftLabel: string): string {
  return invoice.number ?? draftLabel;
}

/** Whether a decimal string is zero ("0", "0.000"): settled or empty amounts show differently. */
export function isZero(value: string): boolean {
  return compareAmounts(value, '0') === 0;
}

/**
 * The list's empty text for who reads it, after the API's rule (invoiceVisibility): ADMIN and
 * FINANCE read every invoice; a COMMERCIAL those of the clients assigned to them; OPERATIONS those
 * linked to a job file. "No invoices yet" would be wrong for the last two while others exist.
 */
export function emptyInvoicesKey(roles: readonly string[]): string {
  if (roles.includes('ADMIN') || roles.includes('FINANCE')) return 'invoices.list.empty';
  const clients = roles.includes('COMMERCIAL');
  const jobs = roles.includes('OPERATIONS');
  if (clients && jobs) return 'invoices.list.emptyClientsOrJobs';
  if (jobs) return 'invoices.list.emptyJobs';
  return clients ? 'invoices.list.emptyClients' : 'invoices.list.empty';
}
