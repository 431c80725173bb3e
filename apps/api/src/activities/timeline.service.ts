import { Inject, Injectable } from '@nestjs/common';
import type { FieldChange, TimelineItem, TimelinePage, TimelineQuery } from '@velosi/contracts';
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import {
  auditRowsOf,
  auditTimelineEntry,
  timelineKeysPage,
  type TimelineKey,
} from '../audit/audit-timeline.js';
import { pageWindow } from '../common/records/list.js';
import type { RecordRepository, RecordTable } from '../common/records/repository.js';
import { DATABASE, type Database, type DatabaseHandle } from '../database/database.types.js';
import { leads } from '../leads/leads.table.js';
import { opportunities } from '../opportunities/opportunities.table.js';
import { toActivity, type ActivityLinkKey } from './activities.records.js';
import { activities } from './activities.table.js';
import { TimelineNames, collectMentions, emptyMentions, namesOf } from './timeline-names.js';

/** Bookkeeping fields every write changes; listing them as "changes" would be noise. */
const UNCHANGED_NOISE = new Set(['version', 'updatedAt']);

/**
 * Top-level fields whose JSON differs between the audited before and after images, by field name
 * (jsonb does not keep key order, so the order of the images means nothing).
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields]
    .sort()
    .filter((field) => !UNCHANGED_NOISE.has(field))
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/**
 * What an audit row changed. A creation lists nothing (the whole record is new); an action that
 * only records facts (an e-mail sent: recipients, subject) lists them as set from nothing.
 */
export function auditChanges(action: string, before: unknown, after: unknown): FieldChange[] {
  if (action === 'create') return [];
  if (before === null && isRecord(after)) return fieldChanges({}, after);
  return fieldChanges(before, after);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Activities a record keeps from the lead it came from: what was done with the prospect before its
 * conversion (the qualification call) stays in the history of its opportunity and of its client.
 */
const FROM_LEAD: Partial<Record<ActivityLinkKey, (id: string) => SQL>> = {
  opportunityId: (id) =>
    sql`${activities.leadId} in (select ${opportunities.leadId} from ${opportunities} where ${opportunities.id} = ${id})`,
  clientId: (id) =>
    sql`${activities.leadId} in (select ${leads.id} from ${leads} where ${leads.convertedClientId} = ${id})`,
};

/**
 * A record's timeline: its activities (and its lead's, FROM_LEAD) and its audit entries, newest first.
 *
 * One `UNION ALL` of (kind, id, at, seq) pages both sources together in SQL — merging two
 * separately paged queries in JS would need offset+limit rows from each and grows with the page
 * number. The page's details are then read by id (two small `IN` queries). Ties on `at` (audit
 * rows of one transaction share now()) are broken by the audit id, so the order is stable.
 *
 * Activities appear whatever their own assignment: the caller sees the record, so they see what
 * was done about it (the record's visibility is checked first, 404 otherwise).
 */
@Injectable()
export class TimelineService {
  private readonly db: Database;

  constructor(
    @Inject(DATABASE) database: DatabaseHandle,
    private readonly names: TimelineNames,
  ) {
    this.db = database.db;
  }

  /** `records` is the repository of the record type (its entity names the audit rows). */
  async of<T extends RecordTable>(
    user: AuthUser,
    records: RecordRepository<T, unknown, string>,
    link: ActivityLinkKey,
    id: string,
    query: TimelineQuery,
  ): Promise<TimelinePage> {
    await records.require(this.db, user, id);
    const { keys, total } = await timelineKeysPage(
      this.db,
      {
        kind: 'activity',
        table: activities,
        id: activities.id,
        at: sql`coalesce(${activities.doneAt}, ${activities.dueAt}, ${activities.createdAt})`,
        where: and(or(eq(activities[link], id), FROM_LEAD[link]?.(id)), isNull(activities.archivedAt)),
      },
      records.definition.entity,
      id,
      pageWindow(query),
    );
    return {
      items: await this.details(keys),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Reads the rows behind one page of keys, keeping the page's order. */
  private async details(keys: TimelineKey[]): Promise<TimelineItem[]> {
    const activityIds = keys.filter((k) => k.kind === 'activity').map((k) => k.itemId);
    const [activityRows, auditRows] = await Promise.all([
      activityIds.length ? this.db.select().from(activities).where(inArray(activities.id, activityIds)) : [],
      auditRowsOf(this.db, keys),
    ]);
    const byKey = new Map<string, TimelineItem>();
    for (const row of activityRows) {
      const activity = toActivity(row);
      byKey.set(`activity:${row.id}`, {
        kind: 'activity',
        at: activity.doneAt ?? activity.dueAt ?? activity.createdAt,
        activity,
      });
    }
    const mentions = emptyMentions();
    const audits = auditRows.map((row) => {
      const changes = auditChanges(row.action, row.before, row.after);
      collectMentions(mentions, row.actor, changes);
      return { row, changes };
    });
    const names = audits.length ? await this.names.resolve(mentions) : new Map<string, string>();
    for (const { row, changes } of audits) {
      const mentioned = [row.actor, ...changes.flatMap((c) => [c.before, c.after].flat())];
      byKey.set(`audit:${row.id}`, {
        ...auditTimelineEntry(row, changes),
        names: namesOf(names, mentioned),
      });
    }
    return keys.flatMap((k) => byKey.get(`${k.kind}:${k.itemId}`) ?? []);
  }
}
