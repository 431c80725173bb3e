import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { leads } from '../leads/leads.table.js';
import { clients } from './clients.table.js';

/**
 * The customer's display name of a record that points at a client and/or a lead (opportunity,
 * quote): the client's name, else the prospect's company, else the prospect's name.
 */
export function customerNameOf(clientId: PgColumn, leadId: PgColumn): SQL<string | null> {
  return sql<string | null>`coalesce(
    (select ${clients.name} from ${clients} where ${clients.id} = ${clientId}),
    (select coalesce(${leads.company}, ${leads.fullName}) from ${leads} where ${leads.id} = ${leadId}))`;
}
