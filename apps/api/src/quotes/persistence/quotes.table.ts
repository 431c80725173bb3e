import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { clients, contacts } from '../../clients/clients.table.js';
import {
  amount,
  assignedToColumn,
  assignedToIndex,
  currencyCode,
  exchangeRate,
  instant,
  parentId,
  recordColumns,
  vatTotalsColumns,
} from '../../common/records/columns.js';
import { leads } from '../../leads/leads.table.js';
import { opportunities } from '../../opportunities/opportunities.table.js';
import { shipmentCargoColumns, shipmentRouteColumns } from './shipment-columns.js';

// Table files are loaded alone by drizzle-kit: JSON column shapes are declared here, not imported
// from @velosi/contracts (the API validates them with the contracts before they are stored).
export interface ContainerJson {
  type: string;
  count: number;
}
export type TransportJson = Record<string, string | null | undefined>;

/** Margin percentages, 2 decimals, may be negative. */
const percent = (name: string) => numeric(name, { precision: 8, scale: 2 });

export const quotes = pgTable(
  'quotes',
  {
    ...recordColumns(),
    /**
     * `Q2026-00042` or `Q2026-00042-v2` (unique); year + sequence come from `quote_counters`. Inside
     * the creating transaction only, a new row carries a provisional `pending-<id>` (QuotesRepository.assignNumber).
     */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    revision: integer('revision').notNull().default(1),
    revisedFromId: uuid('revised_from_id').references((): AnyPgColumn => quotes.id),
    // A quote is for a client or a prospect. Accepting a lead-only quote creates the client and
    // fills client_id, keeping lead_id as the origin (so at least one is always set).
    clientId: uuid('client_id').references(() => clients.id),
    leadId: uuid('lead_id').references(() => leads.id),
    // The customer's name (client, else the lead's company or name), copied here by database
    // triggers so the free-text search has an index (migration 0013_search_customer_name.sql).
    // Never written by the API.
    customerName: text('customer_name'),
    // What free-text search matches (common/search), normalised once per write instead of once
    // per candidate row per search; trigram-indexed by quotes_search_idx.
    searchDocument: text('search_document').generatedAlwaysAs(
      sql`public.search_text(ARRAY[number, title, customer_name]::text[])`,
    ),
    contactId: uuid('contact_id').references(() => contacts.id),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    title: text('title').notNull(),
    ...shipmentRouteColumns(),
    /** Readable code of the shipping line, airline or haulier quoted (ARM-…, CIE-…, TRP-…). */
    carrierCode: text('carrier_code'),
    ...shipmentCargoColumns(),
    containers: jsonb('containers').$type<ContainerJson[]>().notNull().default([]),
    transitTimeDays: integer('transit_time_days'),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    paymentTerms: text('payment_terms'),
    conditions: text('conditions'),
    internalNotes: text('internal_notes'),
    currency: currencyCode().notNull(),
    exchangeRate: exchangeRate(),
    stampDutyApplies: boolean('stamp_duty_applies').notNull(),
    status: text('status').notNull(),
    sentAt: instant('sent_at'),
    decidedAt: instant('decided_at'),
    statusReason: text('status_reason'),
    transport: jsonb('transport').$type<TransportJson>(),
    customerReference: text('customer_reference'),
    // Totals computed by the API (computeQuoteTotals) at every write of the lines: stored so lists,
    // reports and sums in SQL never recompute, and what was sent is what is read back.
    buyTnd: amount('buy_tnd').notNull(),
    sellTnd: amount('sell_tnd').notNull(),
    marginTnd: amount('margin_tnd').notNull(),
    marginPercent: percent('margin_percent'),
    ...vatTotalsColumns(),
    stampDutyTnd: amount('stamp_duty_tnd').notNull(),
    totalTnd: amount('total_tnd').notNull(),
    /** Grand total in the quote currency; null for TND quotes. */
    totalQuoteCurrency: amount('total_quote_currency'),
    ...assignedToColumn(),
  },
  (table) => [
    assignedToIndex('quotes', table.assignedTo),
    uniqueIndex('quotes_number_key').on(table.number),
    index('quotes_status_idx').on(table.status, table.validUntil),
    index('quotes_client_idx').on(table.clientId),
    index('quotes_lead_idx').on(table.leadId),
    index('quotes_opportunity_idx').on(table.opportunityId),
    // Newest-first walks (global search, lists sorted by dates) stop after a page of matches instead
    // of sorting every hit: "export" matches 16,667 of 100k quotes (bench), read 6 at a time here.
    index('quotes_updated_at_idx').on(table.updatedAt, table.id),
    index('quotes_created_at_idx').on(table.createdAt, table.id),
    check('quotes_has_parent', sql`${table.clientId} is not null or ${table.leadId} is not null`),
  ],
);
export type QuoteRow = typeof quotes.$inferSelect;

/** A quote's priced lines; replaced as a whole set when a draft is edited. */
export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: parentId('quote_id', () => quotes.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    chargeTypeCode: text('charge_type_code'),
    quantity: amount('quantity').notNull(),
    unit: text('unit').notNull(),
    buyUnitPrice: amount('buy_unit_price').notNull(),
    sellUnitPrice: amount('sell_unit_price').notNull(),
    currency: currencyCode().notNull(),
    exchangeRate: exchangeRate().notNull(),
    vatRate: integer('vat_rate').notNull(),
    isDisbursement: boolean('is_disbursement').notNull(),
    buyTotalTnd: amount('buy_total_tnd').notNull(),
    sellTotalTnd: amount('sell_total_tnd').notNull(),
    marginTnd: amount('margin_tnd').notNull(),
    marginPercent: percent('margin_percent'),
    vatTnd: amount('vat_tnd').notNull(),
  },
  (table) => [uniqueIndex('quote_lines_position_key').on(table.quoteId, table.position)],
);
export type QuoteLineRow = typeof quoteLines.$inferSelect;

/**
 * One row per year: `last` is the last sequence handed out. Incremented with INSERT … ON CONFLICT
 * DO UPDATE inside the creating transaction, whose row lock serialises concurrent creations across
 * every API instance; a rolled-back creation rolls the counter back too, so numbers stay gapless
 * (a database sequence would not: nextval is never rolled back).
 */
export const quoteCounters = pgTable('quote_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Public links (`/q/:token`): only the SHA-256 of the 128-bit token is stored, so a database dump
 * does not hand out working links. Each send makes a new link; revoking stamps them all.
 */
export const quotePublicLinks = pgTable(
  'quote_public_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: parentId('quote_id', () => quotes.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    revokedAt: instant('revoked_at'),
  },
  (table) => [
    uniqueIndex('quote_public_links_token_key').on(table.tokenHash),
    index('quote_public_links_quote_idx').on(table.quoteId),
  ],
);
