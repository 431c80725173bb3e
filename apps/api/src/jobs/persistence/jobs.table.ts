import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients, contacts } from '../../clients/clients.table.js';
import {
  amount,
  assignedToColumn,
  assignedToIndex,
  authoredColumns,
  instant,
  parentId,
  pricedLineColumns,
  recordColumns,
  versionColumn,
} from '../../common/records/columns.js';
import { quotes } from '../../quotes/persistence/quotes.table.js';
import { shipmentCargoColumns, shipmentRouteColumns } from '../../quotes/persistence/shipment-columns.js';

// Table files are loaded alone by drizzle-kit: JSON shapes are declared here (the API validates them
// with the contracts before they are stored).
export interface JobContainerRequirementJson {
  type: string;
  count: number;
}

/**
 * Operations job files: one per accepted quote (unique `quote_id`, so acceptance and the manual
 * "open the job" can race and still make one). Numbered `{MODE}{DIR}{YY}-{NNNNN}` from
 * `job_counters`; inside the creating transaction only, a new row carries `pending-<id>`.
 */
export const jobs = pgTable(
  'jobs',
  {
    ...recordColumns(),
    number: text('number').notNull(),
    /** `SE`, `AI` …: the counter series the number was drawn from. */
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    status: text('status').notNull().default('open'),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    ...shipmentRouteColumns(),
    ...shipmentCargoColumns(),
    dangerousGoods: boolean('dangerous_goods').notNull().default(false),
    unNumber: text('un_number'),
    imoClass: text('imo_class'),
    containersRequested: jsonb('containers_requested')
      .$type<JobContainerRequirementJson[]>()
      .notNull()
      .default([]),
    shipperId: uuid('shipper_id').references(() => clients.id),
    consigneeId: uuid('consignee_id').references(() => clients.id),
    notifyId: uuid('notify_id').references(() => clients.id),
    agentCode: text('agent_code'),
    carrierCode: text('carrier_code'),
    /** The carrier as typed at acceptance, shown when no reference carrier is chosen. */
    carrierText: text('carrier_text'),
    bookingNumber: text('booking_number'),
    vesselImo: text('vessel_imo'),
    vesselName: text('vessel_name'),
    voyageNumber: text('voyage_number'),
    flightNumber: text('flight_number'),
    polCode: text('pol_code'),
    podCode: text('pod_code'),
    placeOfReceipt: text('place_of_receipt'),
    placeOfDelivery: text('place_of_delivery'),
    etd: date('etd', { mode: 'string' }),
    eta: date('eta', { mode: 'string' }),
    atd: date('atd', { mode: 'string' }),
    ata: date('ata', { mode: 'string' }),
    cargoCutoffAt: instant('cargo_cutoff_at'),
    docCutoffAt: instant('doc_cutoff_at'),
    vgmCutoffAt: instant('vgm_cutoff_at'),
    customsDeclarationRef: text('customs_declaration_ref'),
    mblNumber: text('mbl_number'),
    hblNumber: text('hbl_number'),
    mawbNumber: text('mawb_number'),
    hawbNumber: text('hawb_number'),
    cmrNumber: text('cmr_number'),
    notifyClientOfMilestones: boolean('notify_client_of_milestones').notNull().default(false),
    notes: text('notes'),
    cancelReason: text('cancel_reason'),
    ...assignedToColumn(),
  },
  (table) => [
    assignedToIndex('jobs', table.assignedTo),
    uniqueIndex('jobs_number_key').on(table.number),
    uniqueIndex('jobs_quote_key').on(table.quoteId),
    index('jobs_client_idx').on(table.clientId),
    index('jobs_status_idx').on(table.status, table.eta),
    index('jobs_etd_idx').on(table.etd),
  ],
);
export type JobRow = typeof jobs.$inferSelect;

/** Containers actually stuffed for the job (sea FCL), ISO 6346 numbers checked by the contract. */
export const jobContainers = pgTable(
  'job_containers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: parentId('job_id', () => jobs.id),
    ...versionColumn(),
    number: text('number').notNull(),
    sizeType: text('size_type').notNull(),
    sealNumber: text('seal_number'),
    tareKg: amount('tare_kg'),
    grossKg: amount('gross_kg'),
    vgmKg: amount('vgm_kg'),
    packages: integer('packages'),
    ...authoredColumns(),
  },
  (table) => [uniqueIndex('job_containers_number_key').on(table.jobId, table.number)],
);
export type JobContainerRow = typeof jobContainers.$inferSelect;

/** What happened to the shipment and when; the job's status and ATD/ATA are derived from them. */
export const jobMilestones = pgTable(
  'job_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: parentId('job_id', () => jobs.id),
    kind: text('kind').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    place: text('place'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index('job_milestones_job_idx').on(table.jobId, table.occurredAt)],
);
export type JobMilestoneRow = typeof jobMilestones.$inferSelect;

/** Revenue and cost lines, planned (copied from the quote) and actual; amounts exact. */
export const jobCharges = pgTable(
  'job_charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: parentId('job_id', () => jobs.id),
    ...versionColumn(),
    side: text('side').notNull(),
    stage: text('stage').notNull(),
    chargeTypeCode: text('charge_type_code'),
    description: text('description').notNull(),
    supplierCode: text('supplier_code'),
    ...pricedLineColumns(),
    isDisbursement: boolean('is_disbursement').notNull().default(false),
    supplierInvoiceRef: text('supplier_invoice_ref'),
    /** quantity × unit price × rate, rounded to the millime by the API (decimal.js). */
    amountTnd: amount('amount_tnd').notNull(),
    /** The quote line a planned line was copied from (no FK: quote lines are replaced as a set). */
    quoteLineId: uuid('quote_line_id'),
    ...authoredColumns(),
  },
  (table) => [
    index('job_charges_job_idx').on(table.jobId, table.side, table.stage),
    check('job_charges_side', sql`${table.side} in ('revenue', 'cost')`),
    check('job_charges_stage', sql`${table.stage} in ('planned', 'actual')`),
  ],
);
export type JobChargeRow = typeof jobCharges.$inferSelect;

/**
 * One row per (prefix, year): `last` = last sequence handed out. Taken with INSERT … ON CONFLICT
 * DO UPDATE as the last statement of the creating transaction (common/numbering/yearly-counter.ts).
 */
export const jobCounters = pgTable(
  'job_counters',
  {
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (table) => [primaryKey({ columns: [table.prefix, table.year] })],
);
