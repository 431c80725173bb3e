import { compareAmounts, subtractAmounts, type InvoicePaymentStatus } from '@velosi/contracts';
import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { invoices } from './invoices.table.js';

// How much of an issued invoice is still to pay, in ONE place for the invoice read, the list
// filter, the credit-limit check and receivables. Amounts are in the invoice currency (what the
// client owes and pays); TND figures use the invoice's frozen exchange rate.

/** The invoice total in its own currency. */
export const totalAmountSql = sql<string>`coalesce(${invoices.totalCurrency}, ${invoices.totalTnd})`;

/** Total − credited − paid, never below 0 (a credit note after full payment leaves nothing open). */
export const openAmountSql = sql<string>`greatest(${totalAmountSql} - ${invoices.creditedAmount} - ${invoices.paidAmount}, 0)`;

/** The open amount in TND at the invoice's frozen rate, rounded to the millime. */
export const openTndSql = sql<string>`round(${openAmountSql} * ${invoices.exchangeRate}, 3)`;

/** Issued invoices (credit notes are netted through `credited_amount`). */
export const receivableCondition = and(eq(invoices.status, 'issued'), eq(invoices.kind, 'invoice')) as SQL;

/**
 * Overdue: something is still open and the due date has passed (a paid invoice is never overdue).
 * The list filter, receivables and reminders use it; `paymentStatus: 'overdue'` is the same rule.
 */
export function overdueCondition(today: string): SQL {
  return and(receivableCondition, sql`${openAmountSql} > 0`, lt(invoices.dueDate, today)) as SQL;
}

/** `paymentStatus` in SQL (list filter, receivables); mirrors `invoicePaymentStatus`. */
export function paymentStatusSql(today: string): SQL<string | null> {
  return sql<string | null>`case
    when not (${receivableCondition}) then null
    when ${openAmountSql} = 0 then 'paid'
    when ${invoices.dueDate} < ${today} then 'overdue'
    when ${invoices.paidAmount} > 0 then 'partially_paid'
    else 'unpaid' end`;
}

export interface Settlement {
  creditedAmount: string;
  paidAmount: string;
  openAmount: string;
  paymentStatus: InvoicePaymentStatus | null;
}

interface SettlementRow {
  kind: string;
  status: string;
  dueDate: string | null;
  totalTnd: string;
  totalCurrency: string | null;
  creditedAmount: string;
  paidAmount: string;
}

/** The same rule as the SQL above, on one row already read. */
export function settlementOf(row: SettlementRow, today: string): Settlement {
  const receivable = row.status === 'issued' && row.kind === 'invoice';
  const left = subtractAmounts(
    subtractAmounts(row.totalCurrency ?? row.totalTnd, row.creditedAmount),
    row.paidAmount,
  );
  const open = compareAmounts(left, '0') > 0 ? left : '0.000';
  let paymentStatus: InvoicePaymentStatus | null = null;
  if (receivable) {
    if (compareAmounts(open, '0') === 0) paymentStatus = 'paid';
    else if (row.dueDate !== null && row.dueDate < today) paymentStatus = 'overdue';
    else if (compareAmounts(row.paidAmount, '0') > 0) paymentStatus = 'partially_paid';
    else paymentStatus = 'unpaid';
  }
  return {
    creditedAmount: row.creditedAmount,
    paidAmount: row.paidAmount,
    openAmount: receivable ? open : '0.000',
    paymentStatus,
  };
}
