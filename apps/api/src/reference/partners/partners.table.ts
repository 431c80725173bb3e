import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { codedColumns, contactColumns } from '../carriers/carriers.table.js';

export const suppliers = pgTable(
  'suppliers',
  {
    ...codedColumns(),
    category: text('category').notNull(),
    taxId: text('tax_id'),
    ...contactColumns(),
    paymentTermsDays: integer('payment_terms_days'),
    bankAccount: text('bank_account'),
    swift: text('swift'),
  },
  (table) => [uniqueIndex('suppliers_code_key').on(table.code)],
);
export type SupplierRow = typeof suppliers.$inferSelect;

export const agents = pgTable(
  'agents',
  {
    ...codedColumns(),
    ...contactColumns(),
    modes: text('modes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    contactName: text('contact_name'),
  },
  (table) => [uniqueIndex('agents_code_key').on(table.code)],
);
export type AgentRow = typeof agents.$inferSelect;
