import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clients } from '../clients/clients.table.js';
import { assignedToColumn, assignedToIndex, instant, recordColumns } from '../common/records/columns.js';
import { leads } from '../leads/leads.table.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { quotes } from '../quotes/persistence/quotes.table.js';

export const activities = pgTable(
  'activities',
  {
    ...recordColumns(),
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    description: text('description'),
    /** What came of it, noted when it was marked done ("Terminer"). */
    outcome: text('outcome'),
    status: text('status').notNull(),
    dueAt: instant('due_at'),
    doneAt: instant('done_at'),
    reminderAt: instant('reminder_at'),
    // Exactly one link (checked below).
    leadId: uuid('lead_id').references(() => leads.id),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    quoteId: uuid('quote_id').references(() => quotes.id),
    clientId: uuid('client_id').references(() => clients.id),
    // Activities carry their own assignment: visibility stays a plain indexed WHERE, no joins.
    ...assignedToColumn(),
  },
  (table) => [
    assignedToIndex('activities', table.assignedTo),
    index('activities_lead_idx')
      .on(table.leadId)
      .where(sql`${table.leadId} is not null`),
    index('activities_opportunity_idx')
      .on(table.opportunityId)
      .where(sql`${table.opportunityId} is not null`),
    index('activities_quote_idx')
      .on(table.quoteId)
      .where(sql`${table.quoteId} is not null`),
    index('activities_client_idx')
      .on(table.clientId)
      .where(sql`${table.clientId} is not null`),
    // `overdue=true` reads only open activities by due time.
    index('activities_open_due_idx')
      .on(table.dueAt)
      .where(sql`${table.status} in ('scheduled', 'postponed')`),
    check(
      'activities_one_link',
      sql`num_nonnulls(${table.leadId}, ${table.opportunityId}, ${table.quoteId}, ${table.clientId}) = 1`,
    ),
  ],
);
export type ActivityRow = typeof activities.$inferSelect;
