import type { FieldChange } from '@velosi/contracts';
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../database/database.types.js';
import { auditLog, type AuditLogRow } from './audit-log.table.js';

/** A record's own timeline items (its activities, a job's milestones): which rows, and when each is. */
export interface TimelineItems {
  /** The key kind of these items (`activity`, `milestone`). */
  kind: string;
  table: PgTable;
  id: PgColumn;
  at: SQL | PgColumn;
  where: SQL | undefined;
}

/** One entry of a timeline page: which row (`kind` and its id as text) and when. */
export interface TimelineKey {
  kind: string;
  itemId: string;
  at: Date;
  seq: string;
}

/** Newest first; an audit entry after what it audits when both have the same time. */
const TIMELINE_ORDER = [sql`at desc`, sql`seq desc`, sql`item_id desc`] as const;

/**
 * One page of a record's timeline keys and how many there are in all: its own `items` and the
 * audit entries of `entity` `entityId` (kind `audit`), paged together in SQL with one UNION ALL.
 * Both sides select the same four columns; `seq` (0 for the items, the audit id for the entries)
 * breaks ties of time. Used by activities/timeline.service.ts and jobs/domain/job-timeline.ts.
 */
export async function timelineKeysPage(
  db: Database,
  items: TimelineItems,
  entity: string,
  entityId: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ keys: TimelineKey[]; total: number }> {
  const itemKeys = db
    .select({
      kind: sql<string>`${items.kind}::text`.as('kind'),
      itemId: sql<string>`${items.id}::text`.as('item_id'),
      at: sql<Date>`${items.at}`.as('at'),
      seq: sql<string>`0::bigint`.as('seq'),
    })
    .from(items.table)
    .where(items.where);
  const auditWhere = and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId));
  const auditKeys = db
    .select({
      kind: sql<string>`'audit'`.as('kind'),
      itemId: sql<string>`${auditLog.id}::text`.as('item_id'),
      at: sql<Date>`${auditLog.at}`.as('at'),
      seq: sql<string>`${auditLog.id}`.as('seq'),
    })
    .from(auditLog)
    .where(auditWhere);
  const [keys, [itemCount], [auditCount]] = await Promise.all([
    itemKeys
      .unionAll(auditKeys)
      .orderBy(...TIMELINE_ORDER)
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(items.table).where(items.where),
    db.select({ n: count() }).from(auditLog).where(auditWhere),
  ]);
  return { keys, total: (itemCount?.n ?? 0) + (auditCount?.n ?? 0) };
}

/** The audit rows behind the `audit` keys of a page. */
export function auditRowsOf(db: Database, keys: readonly TimelineKey[]): Promise<AuditLogRow[]> {
  const ids = keys.filter((k) => k.kind === 'audit').map((k) => Number(k.itemId));
  return ids.length ? db.select().from(auditLog).where(inArray(auditLog.id, ids)) : Promise.resolve([]);
}

/** The timeline entry of an audit row, with the field changes the caller makes of it. */
export const auditTimelineEntry = (row: AuditLogRow, changes: FieldChange[]) => ({
  kind: 'audit' as const,
  at: row.at.toISOString(),
  id: String(row.id),
  actor: row.actor,
  action: row.action,
  changes,
});
