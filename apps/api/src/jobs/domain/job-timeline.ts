import { Injectable } from '@nestjs/common';
import type { FieldChange, JobTimelineItem, JobTimelinePage, TimelineQuery } from '@velosi/contracts';
import { eq, inArray } from 'drizzle-orm';
import { fieldChanges } from '../../activities/timeline.service.js';
import { TimelineNames, collectMentions, emptyMentions, namesOf } from '../../activities/timeline-names.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { auditRowsOf, auditTimelineEntry, timelineKeysPage } from '../../audit/audit-timeline.js';
import type { AuditLogRow } from '../../audit/audit-log.table.js';
import { pageWindow } from '../../common/records/list.js';
import { toJobMilestone } from '../persistence/job-parts.repository.js';
import { JobsRepository } from '../persistence/jobs.repository.js';
import { jobMilestones } from '../persistence/jobs.table.js';

/**
 * Writes on a job's parts (and its files) carry the part itself as before/after, not job fields:
 * the entry names the part by this field, and an edit lists the part's changed fields.
 */
const PART_NAMES: Readonly<Record<string, string>> = {
  container: 'number',
  milestone: 'kind',
  charge: 'description',
  attachment: 'fileName',
};
const PART_ACTION = /^(container|milestone|charge|attachment)_(\w+)$/;

/**
 * A job's timeline: its milestones (at the time they happened) and its audit entries (header edits
 * and every container, milestone and charge write), newest first — paged together in SQL with one
 * UNION ALL, as activities/timeline.service.ts does for the sales records.
 */
@Injectable()
export class JobTimeline {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly names: TimelineNames,
  ) {}

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
    const mentions = emptyMentions();
    for (const row of milestoneRows) mentions.users.add(row.recordedBy);
    const audits = auditRows.map((row) => {
      const entry = partEntry(row);
      collectMentions(mentions, row.actor, entry.changes);
      return { row, ...entry };
    });
    const names = keys.length ? await this.names.resolve(mentions) : new Map<string, string>();
    const byKey = new Map<string, JobTimelineItem>();
    for (const row of milestoneRows) {
      const milestone = toJobMilestone(row);
      byKey.set(`milestone:${row.id}`, {
        kind: 'milestone',
        at: milestone.occurredAt,
        milestone,
        names: namesOf(names, [row.recordedBy]),
      });
    }
    for (const { row, changes, subject } of audits) {
      const mentioned = [row.actor, ...changes.flatMap((c) => [c.before, c.after].flat())];
      byKey.set(`audit:${row.id}`, {
        ...auditTimelineEntry(row, changes),
        names: namesOf(names, mentioned),
        ...(subject === undefined ? {} : { subject }),
      });
    }
    return {
      items: keys.flatMap((k) => byKey.get(`${k.kind}:${k.itemId}`) ?? []),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

/** An entry's changes, and for a part's entry the part's name (see PART_NAMES). */
function partEntry(row: AuditLogRow): { changes: FieldChange[]; subject?: string | null } {
  const part = PART_ACTION.exec(row.action);
  if (!part) return { changes: row.action === 'create' ? [] : fieldChanges(row.before, row.after) };
  const [, kind = '', verb] = part;
  const document = (row.after ?? row.before) as Record<string, unknown> | null;
  const name = document?.[PART_NAMES[kind] ?? ''];
  return {
    changes: verb === 'update' ? fieldChanges(row.before, row.after) : [],
    subject: typeof name === 'string' && name ? name : null,
  };
}
