import { Inject, Injectable } from '@nestjs/common';
import type { AuditListQuery } from '@velosi/contracts';
import { AUTH_AUDIT_ENTITY } from '@velosi/contracts';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { BUSINESS_TIME_ZONE } from '../common/business-day.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { auditLog, type AuditLogRow } from './audit-log.table.js';

export interface ResolvedActor {
  ids: string[];
  username?: string;
}

/** The list filters once `actor` and `q` are resolved to the ids they stand for. */
export interface AuditFilters extends Omit<AuditListQuery, 'actor' | 'q'> {
  actor?: ResolvedActor;
  q?: { actor: ResolvedActor; text: string };
}

const SORT_COLUMNS = {
  at: auditLog.at,
  action: auditLog.action,
  entity: auditLog.entity,
  actor: auditLog.actor,
} as const;

/** Midnight in Tunis of a calendar day, as an instant (the company's day, not the server's). */
const dayStart = (day: string) => sql`(${day}::date)::timestamp at time zone ${BUSINESS_TIME_ZONE}`;
const dayAfter = (day: string) => sql`(${day}::date + 1)::timestamp at time zone ${BUSINESS_TIME_ZONE}`;

/** Read side of the audit log (writes go through AuditService, in the writer's transaction). */
@Injectable()
export class AuditLogRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async list(filters: AuditFilters): Promise<{ rows: AuditLogRow[]; total: number }> {
    const where = and(...conditions(filters));
    const sort = filters.sort ?? { field: 'at', direction: 'desc' };
    const order = sort.direction === 'asc' ? asc : desc;
    const db = this.database.db;
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(auditLog)
        .where(where)
        // The id breaks ties (rows of one transaction share a timestamp) in the same direction.
        .orderBy(order(SORT_COLUMNS[sort.field]), order(auditLog.id))
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize),
      db.select({ n: count() }).from(auditLog).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  }
}

function conditions(filters: AuditFilters): SQL[] {
  const list: SQL[] = [];
  if (filters.actor) list.push(actorCondition(filters.actor));
  if (filters.q) {
    const byActor = actorCondition(filters.q.actor);
    // A username also finds what was done to that account (created, edited, disabled by an admin).
    const { ids } = filters.q.actor;
    const toAccount =
      ids.length > 0 ? and(eq(auditLog.entity, 'user'), inArray(auditLog.entityId, ids)) : undefined;
    list.push(or(byActor, eq(auditLog.entityId, filters.q.text), toAccount) ?? byActor);
  }
  if (filters.entity) list.push(eq(auditLog.entity, filters.entity));
  if (filters.entityId) list.push(eq(auditLog.entityId, filters.entityId));
  if (filters.action) list.push(eq(auditLog.action, filters.action));
  if (filters.from) list.push(sql`${auditLog.at} >= ${dayStart(filters.from)}`);
  if (filters.to) list.push(sql`${auditLog.at} < ${dayAfter(filters.to)}`);
  return list;
}

/**
 * Rows by the actor's ids, and — for a username — the sign-in events naming it: a failed sign-in
 * has no authenticated actor, only the name typed.
 */
function actorCondition(actor: ResolvedActor): SQL {
  const byId = inArray(auditLog.actor, actor.ids.length > 0 ? actor.ids : ['']);
  if (!actor.username) return byId;
  const named = and(
    eq(auditLog.entity, AUTH_AUDIT_ENTITY),
    or(eq(auditLog.entityId, actor.username), sql`${auditLog.after}->>'username' = ${actor.username}`),
  );
  return or(byId, named) ?? byId;
}
