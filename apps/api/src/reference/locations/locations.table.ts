import { char, doublePrecision, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../common/records/columns.js';

/** Ports (UN/LOCODE), airports (IATA) and inland points: shared reference data, no assignment. */
export const locations = pgTable(
  'locations',
  {
    ...recordColumns(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    city: text('city'),
    country: char('country', { length: 2 }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    timezone: text('timezone'),
  },
  (table) => [
    uniqueIndex('locations_code_key').on(table.code),
    index('locations_country_idx').on(table.country),
    index('locations_name_idx').on(table.name),
  ],
);
export type LocationRow = typeof locations.$inferSelect;
