import { Inject, Injectable } from '@nestjs/common';
import type { NotificationKind, NotificationRecordType } from '@velosi/contracts';
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../common/records/repository.js';
import {
  DATABASE,
  type Database,
  type DatabaseHandle,
  type Transaction,
} from '../database/database.types.js';
import {
  notificationPreferences,
  notifications,
  type NotificationPreferencesRow,
  type NotificationRow,
} from './notifications.table.js';

/** One event for some users (see NotificationsService.notify). */
export interface NotificationInput {
  userIds: readonly string[];
  kind: NotificationKind;
  recordType: NotificationRecordType;
  recordId: string;
  title: string;
  detail?: string | null;
  /** Defaults to `<kind>:<recordId>`: one notification per user, kind and record. */
  dedupeKey?: string;
}

/** A pending e-mail claimed by a sweep (row locked until its transaction ends). */
export interface PendingEmail {
  id: string;
  kind: NotificationKind;
  recordType: NotificationRecordType;
  recordId: string;
  title: string;
  detail: string | null;
  emailAttempts: number;
  emailAddress: string;
  language: 'fr' | 'en';
}

/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * E-mail is wanted when the recipient saved an address and opted in for the kind; computed in the
 * inserting statement so the notification and its e-mail state are written together.
 */
const emailStatusFor = (kind: SQL) =>
  sql`case when p.email_address is not null and ${kind} = any(p.email_kinds) then 'pending' else 'none' end`;

const INSERT_COLUMNS = sql`insert into notifications
  (user_id, kind, record_type, record_id, title, detail, dedupe_key, email_status)`;

/** The only writer of an existing key wins; the others (other instances, a retry) do nothing. */
const ON_CONFLICT = sql`on conflict (user_id, dedupe_key) do nothing returning id`;

/** Every notification query is scoped to its owner: another user's id is simply not found. */
@Injectable()
export class NotificationsRepository {
  readonly db: Database;

  constructor(@Inject(DATABASE) database: DatabaseHandle) {
    this.db = database.db;
  }

  async list(
    userId: string,
    limit: number,
    unreadOnly: boolean,
  ): Promise<{ rows: NotificationRow[]; unread: number }> {
    const mine = eq(notifications.userId, userId);
    const [rows, [unread]] = await Promise.all([
      this.db
        .select()
        .from(notifications)
        .where(and(mine, unreadOnly ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit),
      this.db
        .select({ total: count() })
        .from(notifications)
        .where(and(mine, isNull(notifications.readAt))),
    ]);
    return { rows, unread: unread?.total ?? 0 };
  }

  /** Marks one read (keeps the first read time); undefined when it is not the user's. */
  async markRead(userId: string, id: string): Promise<NotificationRow | undefined> {
    const [row] = await this.db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning();
    return row;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = await this.db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  }

  async insert(executor: Executor, input: NotificationInput): Promise<string[]> {
    if (input.userIds.length === 0) return [];
    const users = sql.join(
      [...new Set(input.userIds)].map((id) => sql`${id}`),
      sql`, `,
    );
    const kind = sql`${input.kind}::text`;
    const result = await executor.execute(sql`${INSERT_COLUMNS}
      select u.user_id, ${kind}, ${input.recordType}, ${input.recordId}::uuid, ${input.title},
             ${input.detail ?? null}, ${input.dedupeKey ?? `${input.kind}:${input.recordId}`},
             ${emailStatusFor(kind)}
        from unnest(array[${users}]::text[]) as u(user_id)
        left join notification_preferences p on p.user_id = u.user_id
      ${ON_CONFLICT}`);
    return rowsOf<{ id: string }>(result).map((row) => row.id);
  }

  /**
   * Reminders whose time has come, one per assignee. Only the last day's: a reminder set long in
   * the past (an imported activity, a scheduler that was off) is not worth a late notification.
   */
  async insertActivityReminders(executor: Executor): Promise<number> {
    const result = await executor.execute(sql`${INSERT_COLUMNS}
      select u.user_id, 'activity-reminder',
             case when a.lead_id is not null then 'lead'
                  when a.opportunity_id is not null then 'opportunity'
                  when a.quote_id is not null then 'quote' else 'client' end,
             coalesce(a.lead_id, a.opportunity_id, a.quote_id, a.client_id),
             a.subject,
             to_char(a.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
             'activity-reminder:' || a.id || ':' || to_char(a.reminder_at at time zone 'UTC', 'YYYYMMDDHH24MISS'),
             ${emailStatusFor(sql`'activity-reminder'`)}
        from activities a
        cross join lateral unnest(a.assigned_to) as u(user_id)
        left join notification_preferences p on p.user_id = u.user_id
       where a.reminder_at is not null and a.status in ('scheduled', 'postponed')
         and a.reminder_at <= now() and a.reminder_at > now() - interval '1 day'
         and a.archived_at is null
      ${ON_CONFLICT}`);
    return rowsOf(result).length;
  }

  /** Sent quotes whose validity ends within 3 days of `today` (Tunis), once per validity date. */
  async insertExpiringQuotes(executor: Executor, today: string): Promise<number> {
    const result = await executor.execute(sql`${INSERT_COLUMNS}
      select u.user_id, 'quote-expiring', 'quote', q.id, q.number || ' — ' || q.title,
             q.valid_until::text, 'quote-expiring:' || q.id || ':' || q.valid_until,
             ${emailStatusFor(sql`'quote-expiring'`)}
        from quotes q
        cross join lateral unnest(q.assigned_to) as u(user_id)
        left join notification_preferences p on p.user_id = u.user_id
       where q.status = 'sent' and q.archived_at is null
         and q.valid_until >= ${today}::date and q.valid_until <= ${today}::date + 3
      ${ON_CONFLICT}`);
    return rowsOf(result).length;
  }

  /** Open leads whose follow-up date is `today` (Tunis). */
  async insertLeadFollowUps(executor: Executor, today: string): Promise<number> {
    const result = await executor.execute(sql`${INSERT_COLUMNS}
      select u.user_id, 'lead-follow-up', 'lead', l.id,
             l.full_name || coalesce(' — ' || l.company, ''), null,
             'lead-follow-up:' || l.id || ':' || l.next_follow_up_date,
             ${emailStatusFor(sql`'lead-follow-up'`)}
        from leads l
        cross join lateral unnest(l.assigned_to) as u(user_id)
        left join notification_preferences p on p.user_id = u.user_id
       where l.next_follow_up_date = ${today}::date and l.archived_at is null
         and l.status not in ('converted', 'lost')
      ${ON_CONFLICT}`);
    return rowsOf(result).length;
  }

  /**
   * Claims up to `limit` pending e-mails: `FOR UPDATE SKIP LOCKED` hands each row to one sweep
   * only — another instance running at the same moment takes the next rows, never the same ones.
   */
  async claimPendingEmails(tx: Transaction, limit: number): Promise<PendingEmail[]> {
    const result = await tx.execute(sql`
      select n.id, n.kind, n.record_type as "recordType", n.record_id as "recordId", n.title, n.detail,
             n.email_attempts as "emailAttempts", p.email_address as "emailAddress", p.language
        from notifications n
        join notification_preferences p on p.user_id = n.user_id
       where n.email_status = 'pending' and p.email_address is not null
       order by n.created_at
       limit ${limit}
         for update of n skip locked`);
    return rowsOf<PendingEmail>(result);
  }

  async setEmailOutcome(tx: Transaction, id: string, status: 'pending' | 'sent' | 'failed'): Promise<void> {
    await tx
      .update(notifications)
      .set({
        emailStatus: status,
        emailAttempts: sql`${notifications.emailAttempts} + 1`,
        emailedAt: status === 'sent' ? sql`now()` : null,
      })
      .where(eq(notifications.id, id));
  }

  async preferences(executor: Executor, userId: string): Promise<NotificationPreferencesRow | undefined> {
    const [row] = await executor
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return row;
  }

  /**
   * Saves when `version` is the stored one (0: none stored yet); undefined on a stale version.
   * A first save is one statement: two first saves racing meet on the primary key, the second gets
   * no row. A later save only updates, so a version that was never stored (even the largest int4)
   * creates nothing and never computes a version past the column's range.
   */
  async savePreferences(
    tx: Transaction,
    userId: string,
    values: { emailKinds: string[]; emailAddress: string | null; language: 'fr' | 'en' },
    version: number,
  ): Promise<NotificationPreferencesRow | undefined> {
    if (version === 0) {
      const [created] = await tx
        .insert(notificationPreferences)
        .values({ userId, ...values, version: 1 })
        .onConflictDoNothing({ target: notificationPreferences.userId })
        .returning();
      return created;
    }
    const [updated] = await tx
      .update(notificationPreferences)
      .set({ ...values, version: sql`${notificationPreferences.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.version, version)))
      .returning();
    return updated;
  }
}
