import { sql } from 'drizzle-orm';
import { boolean, char, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { assignedToColumn, assignedToIndex, recordColumns } from '../common/records/columns.js';

export const clients = pgTable(
  'clients',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    fiscalId: text('fiscal_id'),
    address: text('address'),
    city: text('city'),
    country: char('country', { length: 2 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    language: text('language').notNull(),
    ...assignedToColumn(),
  },
  (table) => [assignedToIndex('clients', table.assignedTo), index('clients_name_idx').on(table.name)],
);
export type ClientRow = typeof clients.$inferSelect;

/**
 * Contacts have no assignment of their own: whoever sees the client sees its contacts. They are
 * deleted for real (a person leaving the company), not archived; the audit log keeps the trace.
 */
export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    firstName: text('first_name'),
    lastName: text('last_name').notNull(),
    position: text('position'),
    phones: text('phones')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    emails: text('emails')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (table) => [
    index('contacts_client_idx').on(table.clientId),
    // At most one primary contact per client, enforced by the database even under concurrent edits.
    uniqueIndex('contacts_one_primary_per_client')
      .on(table.clientId)
      .where(sql`${table.isPrimary}`),
  ],
);
export type ContactRow = typeof contacts.$inferSelect;
