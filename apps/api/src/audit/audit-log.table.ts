import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Who changed what, when: one row per business write, inserted in the same transaction as the write
 * (see AuditService). `before`/`after` hold the record's JSON before and after the change.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // The access token's `sub`, or 'system' for work no user asked for (seeds, jobs).
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
  },
  (table) => [index('audit_log_entity_idx').on(table.entity, table.entityId)],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
