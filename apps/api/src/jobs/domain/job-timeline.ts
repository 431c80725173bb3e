import { Injectable } from '@nestjs/common';
import type { JobTimelineItem, JobTimelinePage, TimelineQuery } from '@velosi/contracts';
import { eq, inArray } from 'drizzle-orm';
import { fieldChanges } from '../../activities/timeline.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { auditRowsOf, auditTimelineEntry, timelineKeysPage } from '../../audit/audit-timeline.js';
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
    const { keys, total } = await timelineKeysPage(
      db,
      {
        kind: 'milestone',
        table: jobMilestones,
        id: jobMilestones.id,
        at: jobMilestones.occurredAt,
        where: eq(jobMilestones.jobId, id),
      },
      'job',
      id,
      pageWindow(query),
    );
    const milestoneIds = keys.filter((k) => k.kind === 'milestone').map((k) => k.itemId);
    const [milestoneRows, auditRows] = await Promise.all([
      milestoneIds.length
        ? db.select().from(jobMilestones).where(inArray(jobMilestones.id, milestoneIds))
        : [],
      auditRowsOf(db, keys),
    ]);
    const byKey = new Map<string, JobTimelineItem>();
    for (const row of milestoneRows) {
      const milestone = toJobMilestone(row);
      byKey.set(`milestone:${row.id}`, { kind: 'milestone', at: milestone.occurredAt, milestone });
    }
    for (const row of auditRows) {
      const partOrCreate = row.action === 'create' || PART_ACTIONS.test(row.action);
      byKey.set(
        `audit:${row.id}`,
        auditTimelineEntry(row, partOrCreate ? [] : fieldChanges(row.before, row.after)),
      );
    }
    return {
      items: keys.flatMap((k) => byKey.get(`${k.kind}:${k.itemId}`) ?? []),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
