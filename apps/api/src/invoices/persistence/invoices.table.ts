import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { clients } from '../../clients/clients.table.js';
import {
  amount,
  currencyCode,
  exchangeRate,
  instant,
  parentId,
  pricedLineColumns,
  recordColumns,
  vatTotalsColumns,
} from '../../common/records/columns.js';
import { jobCharges, jobs } from '../../jobs/persistence/jobs.table.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Invoices AND credit notes (`kind`): both are numbered, frozen when issued, printed, sent and
 * summed by receivables with a sign, so one table keeps one pipeline; a credit note points at the
 * invoice it credits. `number` is null while a draft and set once, in the issue transaction, from
 * `invoice_counters` (F… and AV… series). Buyer details are copied at issue so the document never
 * changes when the client record does.
 */
export const invoices = pgTable(
  'invoices',
  {
    ...recordColumns(),
    kind: text('kind').notNull().default('invoice'),
    status: text('status').notNull().default('draft'),
    number: text('number'),
    year: integer('year'),
    sequence: integer('sequence'),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    jobId: uuid('job_id').references(() => jobs.id),
    creditedInvoiceId: uuid('credited_invoice_id').references((): AnyPgColumn => invoices.id),
    invoiceDate: date('invoice_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    currency: currencyCode().notNull(),
    exchangeRate: exchangeRate().notNull(),
    language: text('language').notNull(),
    vatRegime: text('vat_regime').notNull(),
    vatSuspensionNumber: text('vat_suspension_number'),
    vatSuspensionIssuedOn: date('vat_suspension_issued_on', { mode: 'string' }),
    vatSuspensionExpiresOn: date('vat_suspension_expires_on', { mode: 'string' }),
    customerReference: text('customer_reference'),
    notes: text('notes'),
    /** Buyer as printed, copied at issue (null while a draft). */
    buyerName: text('buyer_name'),
    buyerAddress: text('buyer_address'),
    buyerFiscalId: text('buyer_fiscal_id'),
    buyerAccount: text('buyer_account'),
    netTnd: amount('net_tnd').notNull(),
    ...vatTotalsColumns(),
    stampDutyTnd: amount('stamp_duty_tnd').notNull(),
    totalTnd: amount('total_tnd').notNull(),
    totalCurrency: amount('total_currency'),
    issuedAt: instant('issued_at'),
    issuedBy: text('issued_by'),
    sentAt: instant('sent_at'),
    /**
     * Running sums in the invoice currency, moved only under this row's lock (FOR UPDATE) in the
     * transaction that issues a credit note, records or reverses a payment; the truth stays in
     * the credit notes and `payment_allocations` (invoice-settlement.ts).
     */
    creditedAmount: amount('credited_amount').notNull().default('0'),
    paidAmount: amount('paid_amount').notNull().default('0'),
  },
  (table) => [
    uniqueIndex('invoices_number_key').on(table.number),
    index('invoices_client_idx').on(table.clientId, table.status),
    index('invoices_job_idx').on(table.jobId),
    index('invoices_date_idx').on(table.invoiceDate),
    index('invoices_credited_idx').on(table.creditedInvoiceId),
    check('invoices_kind', sql`${table.kind} in ('invoice', 'credit_note')`),
    check('invoices_status', sql`${table.status} in ('draft', 'issued')`),
    check(
      'invoices_credit_ref',
      sql`(${table.kind} = 'credit_note') = (${table.creditedInvoiceId} is not null)`,
    ),
    // The database's own guard against over-settling, whatever the code does.
    check(
      'invoices_settlement',
      sql`${table.creditedAmount} >= 0 and ${table.paidAmount} >= 0
        and ${table.paidAmount} <= coalesce(${table.totalCurrency}, ${table.totalTnd})`,
    ),
    check(
      'invoices_issued_complete',
      sql`${table.status} = 'draft' or (${table.number} is not null and ${table.invoiceDate} is not null)`,
    ),
  ],
);
export type InvoiceRow = typeof invoices.$inferSelect;

/**
 * Priced lines. `job_charge_id` is unique: a job revenue line is billed by at most one invoice
 * line, which the database enforces under any concurrency (deleting a draft frees it).
 */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: parentId('invoice_id', () => invoices.id),
    position: integer('position').notNull(),
    chargeTypeCode: text('charge_type_code'),
    description: text('description').notNull(),
    ...pricedLineColumns(),
    isDisbursement: boolean('is_disbursement').notNull(),
    amountTnd: amount('amount_tnd').notNull(),
    vatTnd: amount('vat_tnd').notNull(),
    // A job line deleted after billing leaves the frozen invoice line, unlinked.
    jobChargeId: uuid('job_charge_id').references(() => jobCharges.id, { onDelete: 'set null' }),
    creditedLineId: uuid('credited_line_id').references((): AnyPgColumn => invoiceLines.id),
  },
  (table) => [
    uniqueIndex('invoice_lines_position_key').on(table.invoiceId, table.position),
    uniqueIndex('invoice_lines_job_charge_key').on(table.jobChargeId),
    index('invoice_lines_credited_idx').on(table.creditedLineId),
  ],
);
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;

/**
 * The issued PDF, stored once and served as is forever (the document the client received).
 * A table of its own so lists never read the bytes.
 */
export const invoiceDocuments = pgTable(
  'invoice_documents',
  {
    invoiceId: uuid('invoice_id')
      .primaryKey()
      .references(() => invoices.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  // Size-capped: an invoice is a few pages, never megabytes.
  (table) => [check('invoice_documents_size', sql`octet_length(${table.bytes}) <= 5242880`)],
);

/** One row per series (`F`, `AV`) and year; see common/numbering/yearly-counter.ts. */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (table) => [primaryKey({ columns: [table.prefix, table.year] })],
);
