import { boolean, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../common/records/columns.js';

/** Kinds of charges (THC, BAF, customs …) with the defaults a quote line takes from them. */
export const chargeTypes = pgTable(
  'charge_types',
  {
    ...recordColumns(),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    kind: text('kind').notNull(),
    defaultUnit: text('default_unit').notNull(),
    defaultVatRate: integer('default_vat_rate').notNull(),
    isDisbursement: boolean('is_disbursement').notNull().default(false),
  },
  (table) => [uniqueIndex('charge_types_code_key').on(table.code)],
);
export type ChargeTypeRow = typeof chargeTypes.$inferSelect;
