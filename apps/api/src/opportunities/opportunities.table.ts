import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from '../clients/clients.table.js';
import {
  assignedToColumn,
  assignedToIndex,
  instant,
  moneyColumns,
  moneyComplete,
  recordColumns,
} from '../common/records/columns.js';
import { registerReferencedId } from '../database/table-references.js';
import { leads } from '../leads/leads.table.js';

export const opportunities = pgTable(
  'opportunities',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    // The lead it came from and/or the client it is for. Created with one of them; converting the
    // lead fills client_id and keeps lead_id as the origin, so at least one is always set.
    leadId: uuid('lead_id').references(() => leads.id),
    clientId: uuid('client_id').references(() => clients.id),
    // Kept by database triggers, as on quotes (migration 0013_search_customer_name.sql).
    customerName: text('customer_name'),
    // Normalised search text, as on quotes (trigram-indexed by opportunities_search_idx).
    searchDocument: text('search_document').generatedAlwaysAs(
      sql`public.search_text(ARRAY[title, origin, destination, customer_name]::text[])`,
    ),
    ...moneyColumns('value', 'value'),
    probability: integer('probability').notNull(),
    stage: text('stage').notNull(),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    origin: text('origin'),
    destination: text('destination'),
    transportType: text('transport_type'),
    traffic: text('traffic'),
    competitors: text('competitors')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    closeReason: text('close_reason'),
    closedAt: instant('closed_at'),
    ...assignedToColumn(),
  },
  (table) => [
    assignedToIndex('opportunities', table.assignedTo),
    index('opportunities_stage_idx').on(table.stage),
    index('opportunities_lead_idx').on(table.leadId),
    index('opportunities_client_idx').on(table.clientId),
    check('opportunities_has_parent', sql`${table.leadId} is not null or ${table.clientId} is not null`),
    check('opportunities_probability_range', sql`${table.probability} between 0 and 100`),
    moneyComplete('opportunities', 'value', table.valueAmount, table.valueCurrency),
  ],
);
export type OpportunityRow = typeof opportunities.$inferSelect;

// leads.converted_opportunity_id points here without importing this file.
registerReferencedId('opportunities', opportunities.id);
