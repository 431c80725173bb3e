import type { PgTable } from 'drizzle-orm/pg-core';
import { SYSTEM_ACTOR } from '../common/records/actor.js';
import type { Transaction } from '../database/database.types.js';
import { airlines, shippingLines } from './carriers/carriers.table.js';
import { chargeTypes } from './charge-types/charge-types.table.js';
import { equipment } from './equipment/equipment.table.js';
import { nextReadableCode } from './framework/readable-codes.js';
import type { ReferenceDataset } from './framework/reference-data.loader.js';
import starter from './starter-lists.json' with { type: 'json' };

/**
 * Starter lists an administrator edits afterwards: ISO 6346 equipment, the usual charge types of a
 * Tunisian forwarder (VAT 0 on international freight, 19 on local services, débours outside VAT),
 * and the carriers of Tunisia's main trade lanes.
 */
const STARTER: Record<keyof typeof starter, Record<string, unknown>[]> = starter;

const bySystem = { createdBy: SYSTEM_ACTOR.user.sub };

async function insertAll(tx: Transaction, table: PgTable, rows: Record<string, unknown>[]): Promise<number> {
  const added = await tx
    .insert(table)
    .values(rows.map((row) => ({ ...row, ...bySystem })))
    .onConflictDoNothing()
    .returning();
  return added.length;
}

/** Coded rows get their readable code from the counter, like a creation through the API. */
async function insertCoded(tx: Transaction, table: PgTable, prefix: string, rows: Record<string, unknown>[]) {
  const coded = [];
  for (const row of rows) coded.push({ ...row, code: await nextReadableCode(tx, prefix) });
  return insertAll(tx, table, coded);
}

export const STARTER_DATASETS: ReferenceDataset[] = [
  { name: 'equipment:iso6346', version: '1', load: (tx) => insertAll(tx, equipment, STARTER.equipment) },
  {
    name: 'charge-types:starter',
    version: '1',
    load: (tx) => insertAll(tx, chargeTypes, STARTER.chargeTypes),
  },
  {
    name: 'shipping-lines:starter',
    version: '1',
    load: (tx) => insertCoded(tx, shippingLines, 'ARM', STARTER.shippingLines),
  },
  {
    name: 'airlines:starter',
    version: '1',
    load: (tx) => insertCoded(tx, airlines, 'CIE', STARTER.airlines),
  },
];
