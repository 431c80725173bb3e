import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  amount,
  currencyCode,
  exchangeRate,
  parentId,
  recordColumns,
  vatTotalsColumns,
} from '../../common/records/columns.js';
import { jobCharges, jobs } from '../../jobs/persistence/jobs.table.js';

/**
 * Invoices received from suppliers (shipping lines, hauliers, customs brokers …), recorded by
 * finance against job cost lines. The supplier is the reference supplier (`supplier_code`) or a
 * name typed in; its own invoice number is unique per supplier (the same paper recorded twice is
 * a 409). `job_ids` repeats the jobs of the lines so lists filter and show them without a join.
 */
export const supplierInvoices = pgTable(
  'supplier_invoices',
  {
    ...recordColumns(),
    supplierCode: text('supplier_code'),
    supplierName: text('supplier_name').notNull(),
    supplierTaxId: text('supplier_tax_id'),
    supplierNumber: text('supplier_number').notNull(),
    invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    currency: currencyCode().notNull(),
    exchangeRate: exchangeRate().notNull(),
    paid: boolean('paid').notNull().default(false),
    paidOn: date('paid_on', { mode: 'string' }),
    notes: text('notes'),
    jobIds: uuid('job_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    netTnd: amount('net_tnd').notNull(),
    ...vatTotalsColumns(),
    totalTnd: amount('total_tnd').notNull(),
    totalCurrency: amount('total_currency'),
  },
  (table) => [
    // The supplier is its reference code when it has one, else its name (case and spaces aside).
    uniqueIndex('supplier_invoices_number_key').on(
      sql`coalesce(${table.supplierCode}, lower(btrim(${table.supplierName})))`,
      sql`lower(btrim(${table.supplierNumber}))`,
    ),
    index('supplier_invoices_date_idx').on(table.invoiceDate),
    index('supplier_invoices_jobs_idx').using('gin', table.jobIds),
    check('supplier_invoices_paid_on', sql`${table.paid} = (${table.paidOn} is not null)`),
  ],
);
export type SupplierInvoiceRow = typeof supplierInvoices.$inferSelect;

/**
 * Lines, each settling one job cost line. `job_charge_id` is unique: a cost line is settled by at
 * most one supplier invoice line, enforced by the database under any concurrency.
 */
export const supplierInvoiceLines = pgTable(
  'supplier_invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supplierInvoiceId: parentId('supplier_invoice_id', () => supplierInvoices.id),
    position: integer('position').notNull(),
    // A job line deleted later leaves the recorded supplier line, unlinked (the job stays).
    jobChargeId: uuid('job_charge_id').references(() => jobCharges.id, { onDelete: 'set null' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    description: text('description').notNull(),
    amount: amount('amount').notNull(),
    vatRate: integer('vat_rate').notNull(),
    isDisbursement: boolean('is_disbursement').notNull(),
    amountTnd: amount('amount_tnd').notNull(),
    vatTnd: amount('vat_tnd').notNull(),
  },
  (table) => [
    uniqueIndex('supplier_invoice_lines_position_key').on(table.supplierInvoiceId, table.position),
    uniqueIndex('supplier_invoice_lines_job_charge_key').on(table.jobChargeId),
    index('supplier_invoice_lines_job_idx').on(table.jobId),
    check('supplier_invoice_lines_vat_rate', sql`${table.vatRate} in (19, 13, 7, 0)`),
  ],
);
export type SupplierInvoiceLineRow = typeof supplierInvoiceLines.$inferSelect;
