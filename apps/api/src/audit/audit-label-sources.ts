import type { AuditEntity } from '@velosi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { activities } from '../activities/activities.table.js';
import { clients, contacts } from '../clients/clients.table.js';
import { invoices } from '../invoices/persistence/invoices.table.js';
import { jobs } from '../jobs/persistence/jobs.table.js';
import { leads } from '../leads/leads.table.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { payments } from '../payments/persistence/payments.table.js';
import { quotes } from '../quotes/persistence/quotes.table.js';
import { airlines, hauliers, shippingLines, vessels } from '../reference/carriers/carriers.table.js';
import { chargeTypes } from '../reference/charge-types/charge-types.table.js';
import { equipment } from '../reference/equipment/equipment.table.js';
import { exchangeRates } from '../reference/exchange-rates/exchange-rates.table.js';
import { locations } from '../reference/locations/locations.table.js';
import { agents, suppliers } from '../reference/partners/partners.table.js';
import { supplierInvoices } from '../supplier-invoices/persistence/supplier-invoices.table.js';

/**
 * Where the audit page reads what people call a record of one type: its table, its UUID key, and
 * the SQL expression of its label (constant SQL over the row's own columns, never input).
 */
export interface LabelSource {
  table: PgTable;
  id: PgColumn;
  label: SQL<string | null>;
  /** A found row whose label is null is a draft (an invoice is numbered when issued). */
  nullIsDraft?: boolean;
}

/** `code · name`, the way the reference pages and pickers show a coded record. */
const coded = (table: PgTable & { id: PgColumn; code: PgColumn; name: PgColumn }): LabelSource => ({
  table,
  id: table.id,
  label: sql<string>`concat_ws(' · ', ${table.code}, ${table.name})`,
});

/**
 * The record types the audit log names, by the audit entity they are written under. Users (and
 * sign-in events, notification preferences) are named by Keycloak instead (AuditActors); the
 * types absent here (data set loads, sales targets) keep their id.
 */
export const LABEL_SOURCES: Partial<Record<AuditEntity, LabelSource>> = {
  quote: { table: quotes, id: quotes.id, label: sql<string>`${quotes.number}` },
  job: { table: jobs, id: jobs.id, label: sql<string>`${jobs.number}` },
  invoice: {
    table: invoices,
    id: invoices.id,
    label: sql<string | null>`${invoices.number}`,
    nullIsDraft: true,
  },
  payment: { table: payments, id: payments.id, label: sql<string>`${payments.number}` },
  supplier_invoice: {
    table: supplierInvoices,
    id: supplierInvoices.id,
    label: sql<string>`concat_ws(' · ', ${supplierInvoices.supplierNumber}, ${supplierInvoices.supplierName})`,
  },
  client: { table: clients, id: clients.id, label: sql<string>`${clients.name}` },
  contact: {
    table: contacts,
    id: contacts.id,
    label: sql<string>`concat_ws(' ', ${contacts.firstName}, ${contacts.lastName})`,
  },
  lead: {
    table: leads,
    id: leads.id,
    label: sql<string>`concat_ws(' · ', ${leads.fullName}, ${leads.company})`,
  },
  opportunity: { table: opportunities, id: opportunities.id, label: sql<string>`${opportunities.title}` },
  activity: { table: activities, id: activities.id, label: sql<string>`${activities.subject}` },
  shipping_line: coded(shippingLines),
  airline: coded(airlines),
  haulier: coded(hauliers),
  supplier: coded(suppliers),
  agent: coded(agents),
  location: coded(locations),
  vessel: {
    table: vessels,
    id: vessels.id,
    label: sql<string>`concat_ws(' · ', ${vessels.name}, ${vessels.imo})`,
  },
  equipment: { table: equipment, id: equipment.id, label: sql<string>`${equipment.code}` },
  charge_type: { table: chargeTypes, id: chargeTypes.id, label: sql<string>`${chargeTypes.code}` },
  exchange_rate: {
    table: exchangeRates,
    id: exchangeRates.id,
    label: sql<string>`concat_ws(' · ', ${exchangeRates.currency}, ${exchangeRates.date}::text)`,
  },
};

/** The label source of an audit entity, if it has one (own keys only: entities are open text). */
export function labelSourceOf(entity: string): LabelSource | undefined {
  return Object.hasOwn(LABEL_SOURCES, entity) ? LABEL_SOURCES[entity as AuditEntity] : undefined;
}

/** Audit entities whose id is a Keycloak user id (`auth`: when the sign-in names a known user). */
export const USER_ENTITIES: ReadonlySet<string> = new Set(['user', 'auth', 'notification-preferences']);
