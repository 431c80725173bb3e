import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clients } from '../../clients/clients.table.js';
import { amount, currencyCode, instant, recordColumns } from '../../common/records/columns.js';
import { invoices } from '../../invoices/persistence/invoices.table.js';

/**
 * Money received from a client (receipt `R{YYYY}-{NNNNN}`, numbered from `invoice_counters`,
 * series `R`). Never deleted: a wrong payment is reversed (`status = 'reversed'` + who, when,
 * why), which gives its allocations back to the invoices in the same audited transaction.
 */
export const payments = pgTable(
  'payments',
  {
    ...recordColumns(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    /** The client's name at receipt (lists and search read it without a join). */
    clientName: text('client_name').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    bankReference: text('bank_reference'),
    amount: amount('amount').notNull(),
    currency: currencyCode().notNull(),
    /** Cash applied to invoices (≤ amount) and withholding tax, sums of the allocations. */
    allocatedAmount: amount('allocated_amount').notNull(),
    withholdingAmount: amount('withholding_amount').notNull(),
    withholdingCertificateRef: text('withholding_certificate_ref'),
    notes: text('notes'),
    status: text('status').notNull().default('recorded'),
    reversedAt: instant('reversed_at'),
    reversedBy: text('reversed_by'),
    reversalReason: text('reversal_reason'),
  },
  (table) => [
    uniqueIndex('payments_number_key').on(table.number),
    index('payments_client_idx').on(table.clientId, table.receivedOn),
    check('payments_status', sql`${table.status} in ('recorded', 'reversed')`),
    check('payments_method', sql`${table.method} in ('transfer', 'cheque', 'cash', 'bill_of_exchange')`),
    check('payments_allocated', sql`${table.allocatedAmount} <= ${table.amount}`),
  ],
);
export type PaymentRow = typeof payments.$inferSelect;

/** The part of a payment applied to one invoice, in the invoice (= payment) currency. */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    amount: amount('amount').notNull(),
    withholdingAmount: amount('withholding_amount').notNull(),
  },
  (table) => [
    uniqueIndex('payment_allocations_key').on(table.paymentId, table.invoiceId),
    index('payment_allocations_invoice_idx').on(table.invoiceId),
  ],
);
export type PaymentAllocationRow = typeof paymentAllocations.$inferSelect;
