import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
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
} from 'drizzle-orm/pg-core';
import { assignedToColumn, assignedToIndex, currencyCode, recordColumns } from '../common/records/columns.js';

/** One extra address (billing, pickup, delivery): see ClientAddressSchema in packages/contracts. */
export interface ClientAddressJson {
  kind: 'billing' | 'pickup' | 'delivery';
  label?: string | null;
  street: string;
  postalCode?: string | null;
  city?: string | null;
  country: string;
}

export const clients = pgTable(
  'clients',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    fiscalId: text('fiscal_id'),
    address: text('address'),
    city: text('city'),
    country: char('country', { length: 2 }).notNull(),
    currency: currencyCode().notNull(),
    language: text('language').notNull(),
    ...assignedToColumn(),
    // Fiscal and finance data (docs/rules.md, "Clients' fiscal data"); all optional for the
    // clients created before them.
    legalName: text('legal_name'),
    category: text('category'),
    clientType: text('client_type'),
    customsCode: text('customs_code'),
    vatRegime: text('vat_regime').notNull().default('subject'),
    vatSuspensionNumber: text('vat_suspension_number'),
    vatSuspensionIssuedOn: date('vat_suspension_issued_on', { mode: 'string' }),
    vatSuspensionExpiresOn: date('vat_suspension_expires_on', { mode: 'string' }),
    stampDutyExempt: boolean('stamp_duty_exempt').notNull().default(false),
    paymentTermsDays: integer('payment_terms_days'),
    paymentTermsEndOfMonth: boolean('payment_terms_end_of_month').notNull().default(false),
    creditLimit: numeric('credit_limit', { precision: 15, scale: 3 }),
    blocked: boolean('blocked').notNull().default(false),
    blockedReason: text('blocked_reason'),
    bankName: text('bank_name'),
    bankAccount: text('bank_account'),
    swift: text('swift'),
    accountingAccount: text('accounting_account'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    industry: text('industry'),
    addresses: jsonb('addresses').$type<ClientAddressJson[]>().notNull().default([]),
  },
  (table) => [
    assignedToIndex('clients', table.assignedTo),
    index('clients_name_idx').on(table.name),
    // Global search lists the newest matches first (see quotes_updated_at_idx).
    index('clients_updated_at_idx').on(table.updatedAt, table.id),
    check('clients_vat_regime', sql`${table.vatRegime} in ('subject', 'suspended', 'exempt')`),
    // A suspension always carries its authorisation (the contract checks it; the database too).
    check(
      'clients_vat_suspension_complete',
      sql`${table.vatRegime} <> 'suspended' or (${table.vatSuspensionNumber} is not null and ${table.vatSuspensionIssuedOn} is not null and ${table.vatSuspensionExpiresOn} > ${table.vatSuspensionIssuedOn})`,
    ),
    // The FINANCE list of authorisations about to expire.
    index('clients_vat_suspension_expiry_idx')
      .on(table.vatSuspensionExpiresOn)
      .where(sql`${table.vatRegime} = 'suspended' and ${table.archivedAt} is null`),
  ],
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
