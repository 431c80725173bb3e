import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../database/database.types.js';
import { auditLog } from './audit-log.table.js';

/**
 * The audit side of a record's timeline: one key per audit entry of `entity` `entityId` (kind
 * `audit`, its id as text, its time, its id again as the tie-break `seq`) and how many there are.
 * The other side selects the same four columns (`seq` 0) so both page together in one UNION ALL
 * ordered by TIMELINE_ORDER (activities/timeline.service.ts, jobs/domain/job-timeline.ts).
 */
export function auditTimelineKeys(db: Database, entity: string, entityId: string) {
  const where = and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId));
  return {
    keys: db
      .select({
        kind: sql<string>`'audit'`.as('kind'),
        itemId: sql<string>`${auditLog.id}::text`.as('item_id'),
        at: sql<Date>`${auditLog.at}`.as('at'),
        seq: sql<string>`${auditLog.id}`.as('seq'),
      })
      .from(auditLog)
      .where(where),
    count: db.select({ n: count() }).from(auditLog).where(where),
  };
}

/** Newest first; an audit entry after what it audits when both have the same time. */
export const TIMELINE_ORDER = [sql`at desc`, sql`seq desc`, sql`item_id desc`] as const;
