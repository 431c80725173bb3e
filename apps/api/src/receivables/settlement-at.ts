import { and, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { BUSINESS_TIME_ZONE, businessToday } from '../common/business-day.js';
import {
  openAmountSql,
  openTndSql,
  overdueCondition,
  paymentStatusSql,
  receivableCondition,
  totalAmountSql,
} from '../invoices/persistence/invoice-settlement.js';
import { invoices } from '../invoices/persistence/invoices.table.js';
import { paymentAllocations, payments } from '../payments/persistence/payments.table.js';

/** An invoice's settlement in SQL, as it stood at the end of a day. */
export interface SettlementAt {
  /** Issued invoices counted that day: issued on or before it. */
  receivable: SQL;
  /** Credit notes and payments (cash and withholding) counted by then, in the invoice currency. */
  credited: SQL<string>;
  paid: SQL<string>;
  /** What was still open, in the invoice currency, never below 0. */
  open: SQL<string>;
  /** The same in TND at the invoice's frozen rate, to the millime. */
  openTnd: SQL<string>;
  /** Open and past due that day. */
  overdue: SQL;
  paymentStatus: SQL<string | null>;
}

// The credit notes of an invoice: the invoices table again, under a name of its own.
const CREDIT_NOTES = 'credit_notes';
const creditNotes = alias(invoices, CREDIT_NOTES);

/**
 * The settlement of each invoice at the end of `asOf`, for month-end ageing ("situation au 31
 * octobre"): invoices issued by then, less the credit notes issued by then and the payments
 * received by then (cash and withholding), a payment reversed later still counting. Today (or
 * later) it is the invoice's own settlement columns, the same figures without the subqueries.
 */
export function settlementAt(asOf: string, today = businessToday()): SettlementAt {
  if (asOf >= today) {
    return {
      receivable: receivableCondition,
      credited: sql<string>`${invoices.creditedAmount}`,
      paid: sql<string>`${invoices.paidAmount}`,
      open: openAmountSql,
      openTnd: openTndSql,
      overdue: overdueCondition(asOf),
      paymentStatus: paymentStatusSql(asOf),
    };
  }
  const credited = sql<string>`coalesce((select sum(coalesce(${creditNotes.totalCurrency}, ${creditNotes.totalTnd}))
    from ${invoices} as ${sql.identifier(CREDIT_NOTES)}
    where ${creditNotes.creditedInvoiceId} = ${invoices.id} and ${creditNotes.status} = 'issued'
      and ${creditNotes.invoiceDate} <= ${asOf}), 0)`;
  const paid = sql<string>`coalesce((select sum(${paymentAllocations.amount} + ${paymentAllocations.withholdingAmount})
    from ${paymentAllocations} join ${payments} on ${payments.id} = ${paymentAllocations.paymentId}
    where ${paymentAllocations.invoiceId} = ${invoices.id} and ${payments.receivedOn} <= ${asOf}
      and (${payments.reversedAt} is null
        or (${payments.reversedAt} at time zone ${BUSINESS_TIME_ZONE})::date > ${asOf})), 0)`;
  const open = sql<string>`greatest(${totalAmountSql} - ${credited} - ${paid}, 0)`;
  const receivable = and(receivableCondition, sql`${invoices.invoiceDate} <= ${asOf}`) as SQL;
  const overdue = and(receivable, sql`${open} > 0`, sql`${invoices.dueDate} < ${asOf}`) as SQL;
  return {
    receivable,
    credited,
    paid,
    open,
    openTnd: sql<string>`round(${open} * ${invoices.exchangeRate}, 3)`,
    overdue,
    paymentStatus: sql<string | null>`case
      when not (${receivable}) then null
      when ${open} = 0 then 'paid'
      when ${invoices.dueDate} < ${asOf} then 'overdue'
      when ${paid} > 0 then 'partially_paid'
      else 'unpaid' end`,
  };
}
