import { Injectable } from '@nestjs/common';
import type { JobTimelineItem, JobTimelinePage, TimelineQuery } from '@velosi/contracts';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { fieldChanges } from '../../activities/timeline.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { auditLog } from '../../audit/audit-log.table.js';
import { auditTimelineKeys, TIMELINE_ORDER } from '../../audit/audit-timeline.js';
import { pageWindow } from '../../common/records/list.js';
import { toJobMilestone } from '../persistence/job-parts.repository.js';
import { JobsRepository } from '../persistence/jobs.repository.js';
import { jobMilestones } from '../persistence/jobs.table.js';

/** Writes on a job's parts (and its files) carry the part itself as before/after, not job fields: no field diff. */
const PART_ACTIONS = /^(container|milestone|charge|attachment)_/;

/**
 * A job's timeline: its milestones (at the time they happened) and its audit entries (header edits
 * and every container, milestone and charge write), newest first — paged together in SQL with one
 * UNION ALL, as activities/timeline.service.ts does for the sales records.
 */
@Injectable()
export class JobTimeline {
  constructor(private readonly jobs: JobsRepository) {}

  async of(user: AuthUser, id: string, query: TimelineQuery): Promise<JobTimelinePage> {
    const db = this.jobs.db;
    await this.jobs.require(db, user, id);
    const milestoneWhere = eq(jobMilestones.jobId, id);
    const { limit, offset } = pageWindow(query);
    const milestoneKeys = db
      .select({
        kind: sql<string>`'milestone'`.as('kind'),
        itemId: sql<string>`${jobMilestones.id}::text`.as('item_id'),
        at: sql<Date>`${jobMilestones.occurredAt}`.as('at'),
        seq: sql<string>`0::bigint`.as('seq'),
      })
      .from(jobMilestones)
      .where(milestoneWhere);
    const audit = auditTimelineKeys(db, 'job', id);
    const [keys, [milestoneCount], [auditCount]] = await Promise.all([
      milestoneKeys
        .unionAll(audit.keys)
        .orderBy(...TIMELINE_ORDER)
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(jobMilestones).where(milestoneWhere),
      audit.count,
    ]);
    const milestoneIds = keys.filter((k) => k.kind === 'milestone').map((k) => k.itemId);
    const auditIds = keys.filter((k) => k.kind === 'audit').map((k) => Number(k.itemId));
    const [milestoneRows, auditRows] = await Promise.all([
      milestoneIds.length
        ? db.select().from(jobMilestones).where(inArray(jobMilestones.id, milestoneIds))
        : [],
      auditIds.length ? db.select().from(auditLog).where(inArray(auditLog.id, auditIds)) : [],
    ]);
    const byKey = new Map<string, JobTimelineItem>();
    for (const row of milestoneRows) {
      const milestone = toJobMilestone(row);
      byKey.set(`milestone:${row.id}`, { kind: 'milestone', at: milestone.occurredAt, milestone });
    }
    for (const row of auditRows) {
      const partOrCreate = row.action === 'create' || PART_ACTIONS.test(row.action);
      byKey.set(`audit:${row.id}`, {
        kind: 'audit',
        at: row.at.toISOString(),
        id: String(row.id),
        actor: row.actor,
        action: row.action,
        changes: partOrCreate ? [] : fieldChanges(row.before, row.after),
      });
    }
    return {
      items: keys.flatMap((k) => byKey.get(`${k.kind}:${k.itemId}`) ?? []),
      total: (milestoneCount?.n ?? 0) + (auditCount?.n ?? 0),
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
