import type {
  Client,
  ClientCategory,
  ClientType,
  Contact,
  DocumentLanguage,
  VatRegime,
} from '@velosi/contracts';
import { CLIENT_SORT_FIELDS, CONTACT_SORT_FIELDS } from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import { recordMeta } from '../common/records/fields.js';
import type { RecordDefinition } from '../common/records/repository.js';
import { searchDocument } from '../common/search/search.js';
import { assignedVisibility, type Visibility } from '../common/records/visibility.js';
import { clients, contacts, type ClientRow, type ContactRow } from './clients.table.js';
import { recordSortColumns } from '../common/records/list.js';

export type ClientSortField = (typeof CLIENT_SORT_FIELDS)[number];
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number];

export function toClient(row: ClientRow): Client {
  return {
    ...recordMeta(row),
    name: row.name,
    fiscalId: row.fiscalId,
    address: row.address,
    city: row.city,
    country: row.country,
    currency: row.currency,
    language: row.language as DocumentLanguage,
    assignedTo: row.assignedTo,
    legalName: row.legalName,
    // Text columns holding enum values the contract and the CHECK constraints of migration 0009 allow.
    category: row.category as ClientCategory | null,
    clientType: row.clientType as ClientType | null,
    customsCode: row.customsCode,
    vatRegime: row.vatRegime as VatRegime,
    vatSuspensionNumber: row.vatSuspensionNumber,
    vatSuspensionIssuedOn: row.vatSuspensionIssuedOn,
    vatSuspensionExpiresOn: row.vatSuspensionExpiresOn,
    stampDutyExempt: row.stampDutyExempt,
    paymentTermsDays: row.paymentTermsDays,
    paymentTermsEndOfMonth: row.paymentTermsEndOfMonth,
    creditLimit: row.creditLimit,
    blocked: row.blocked,
    blockedReason: row.blockedReason,
    bankName: row.bankName,
    bankAccount: row.bankAccount,
    swift: row.swift,
    accountingAccount: row.accountingAccount,
    phone: row.phone,
    email: row.email,
    website: row.website,
    industry: row.industry,
    addresses: row.addresses,
  };
}

export function toContact(row: ContactRow): Contact {
  return {
    ...recordMeta(row),
    clientId: row.clientId,
    firstName: row.firstName,
    lastName: row.lastName,
    position: row.position,
    phones: row.phones,
    emails: row.emails,
    isPrimary: row.isPrimary,
  };
}

/**
 * The name a client's money is written under: the legal name, else the name. Invoices and payments
 * freeze it as their buyer; receivables read it live, so the same client reads the same everywhere
 * in finance ("Carthage Ceramics SA", not "Carthage Ceramics" on one page and "… SA" on the next).
 */
export const billingName = (client: Pick<ClientRow, 'name' | 'legalName'>): string =>
  client.legalName ?? client.name;
export const billingNameSql = sql<string>`coalesce(${clients.legalName}, ${clients.name})`;

/** FINANCE and OPERATIONS read every client (permission map: `clients:read`), never write. */
export const clientVisibility = assignedVisibility(clients.assignedTo, { FINANCE: true, OPERATIONS: true });

export const clientRecords: RecordDefinition<typeof clients, Client, ClientSortField> = {
  entity: 'client',
  table: clients,
  toApi: toClient,
  visibility: clientVisibility,
  sortColumns: {
    ...recordSortColumns(clients),
    name: clients.name,
    city: clients.city,
    country: clients.country,
  },
  defaultSort: { field: 'name', direction: 'asc' },
  // Same expression as clients_search_idx (migration 0004).
  searchDocument: searchDocument([clients.name, clients.fiscalId, clients.city]),
};

/** A contact is visible exactly when its client is (contacts have no assignment of their own). */
const contactVisibility: Visibility = (user, mode) => {
  const clientVisible = clientVisibility(user, mode);
  if (!clientVisible) return undefined;
  return sql`exists (select 1 from ${clients} where ${clients.id} = ${contacts.clientId} and ${clientVisible})`;
};

export const contactRecords: RecordDefinition<typeof contacts, Contact, ContactSortField> = {
  entity: 'contact',
  table: contacts,
  toApi: toContact,
  visibility: contactVisibility,
  sortColumns: {
    ...recordSortColumns(contacts),
    lastName: contacts.lastName,
    firstName: contacts.firstName,
  },
  defaultSort: { field: 'lastName', direction: 'asc' },
  // Same expression as contacts_search_idx (migration 0004).
  searchDocument: searchDocument(
    [contacts.lastName, contacts.firstName, contacts.position],
    [contacts.emails],
  ),
};
