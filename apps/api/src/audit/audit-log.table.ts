import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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
  (table) => [
    index('audit_log_entity_idx').on(table.entity, table.entityId),
    // The administrators' audit page: newest first, optionally narrowed to one actor or action.
    index('audit_log_at_idx').on(table.at.desc(), table.id.desc()),
    index('audit_log_actor_at_idx').on(table.actor, table.at.desc()),
    index('audit_log_action_at_idx').on(table.action, table.at.desc()),
    // One sign-in row per identity-provider session, whichever API instance sees it first.
    uniqueIndex('audit_log_login_session_idx')
      .on(sql`(${table.after} ->> 'sessionId')`)
      .where(sql`${table.action} = 'login' and ${table.after} ->> 'sessionId' is not null`),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
