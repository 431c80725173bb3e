import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { clients } from '../clients/clients.table.js';
import {
  amount,
  assignedToColumn,
  assignedToIndex,
  instant,
  moneyColumns,
  moneyComplete,
  recordColumns,
} from '../common/records/columns.js';
import { referencedId } from '../database/table-references.js';

export const leads = pgTable(
  'leads',
  {
    ...recordColumns(),
    fullName: text('full_name').notNull(),
    company: text('company'),
    email: text('email'),
    phone: text('phone'),
    industry: text('industry'),
    source: text('source').notNull(),
    status: text('status').notNull(),
    priority: text('priority').notNull(),
    transportNeeds: text('transport_needs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    traffic: text('traffic'),
    estimatedVolumeQuantity: amount('estimated_volume_quantity'),
    estimatedVolumeUnit: text('estimated_volume_unit'),
    ...moneyColumns('estimatedValue', 'estimated_value'),
    currentProvider: text('current_provider'),
    nextFollowUpDate: date('next_follow_up_date', { mode: 'string' }),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    convertedAt: instant('converted_at'),
    convertedClientId: uuid('converted_client_id').references((): AnyPgColumn => clients.id),
    // opportunities.table.ts imports this file (lead_id): see database/table-references.ts.
    convertedOpportunityId: uuid('converted_opportunity_id').references(() => referencedId('opportunities')),
    ...assignedToColumn(),
  },
  (table) => [
    assignedToIndex('leads', table.assignedTo),
    index('leads_status_idx').on(table.status),
    // The "to follow up" list: open leads by next follow-up date.
    index('leads_follow_up_idx').on(table.nextFollowUpDate),
    index('leads_tags_idx').using('gin', table.tags),
    moneyComplete('leads', 'estimated_value', table.estimatedValueAmount, table.estimatedValueCurrency),
  ],
);
export type LeadRow = typeof leads.$inferSelect;
