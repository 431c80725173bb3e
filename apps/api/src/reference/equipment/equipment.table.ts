import { boolean, integer, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../common/records/columns.js';

/** Container and equipment types by ISO 6346 size-type code (22G1, 45G1, 45R1 …). */
export const equipment = pgTable(
  'equipment',
  {
    ...recordColumns(),
    code: text('code').notNull(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    teu: numeric('teu', { precision: 3, scale: 2 }).notNull(),
    maxPayloadKg: integer('max_payload_kg'),
    isReefer: boolean('is_reefer').notNull().default(false),
  },
  (table) => [uniqueIndex('equipment_code_key').on(table.code)],
);
export type EquipmentRow = typeof equipment.$inferSelect;
