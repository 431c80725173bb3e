import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from '../../common/records/columns.js';

/**
 * One row per readable-code prefix (`ARM`, `FRN` …): `last` is the last number handed out. The
 * upsert that bumps it takes the row lock until the creating transaction ends, so two creations
 * (any API instance) never get the same code, and a rolled-back one gives its number back.
 */
export const referenceCodeCounters = pgTable('reference_code_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Which shipped data set (ports, airports, equipment, charge types …) was loaded, in which
 * version: the loader at start-up loads only what is missing, once, whatever the instance count.
 */
export const referenceDataLoads = pgTable('reference_data_loads', {
  dataset: text('dataset').primaryKey(),
  version: text('version').notNull(),
  rows: integer('rows').notNull(),
  loadedAt: instant('loaded_at').notNull().defaultNow(),
});
