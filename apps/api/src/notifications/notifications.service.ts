import { Injectable } from '@nestjs/common';
import type {
  Notification,
  NotificationKind,
  NotificationList,
  NotificationListQuery,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  NotificationRecordType,
} from '@velosi/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { Actor } from '../common/records/actor.js';
import { recordNotFound, versionConflict } from '../common/records/problems.js';
import type { Executor } from '../common/records/repository.js';
import { NotificationsRepository, type NotificationInput } from './notifications.repository.js';
import type { NotificationPreferencesRow, NotificationRow } from './notifications.table.js';

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    recordType: row.recordType as NotificationRecordType,
    recordId: row.recordId,
    title: row.title,
    detail: row.detail,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function toPreferences(row: NotificationPreferencesRow | undefined): NotificationPreferences {
  return {
    emailKinds: (row?.emailKinds ?? []) as NotificationKind[],
    emailAddress: row?.emailAddress ?? null,
    language: row?.language === 'en' ? 'en' : 'fr',
    version: row?.version ?? 0,
  };
}

/**
 * In-app notifications and e-mail preferences. Other rooms call `notify(tx, …)` inside the
 * transaction of the event they report, so the notification exists exactly when the event does.
 */
@Injectable()
export class NotificationsService {
  constructor(
    readonly repository: NotificationsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Notifies `userIds` of an event, in the caller's transaction (`tx`). Idempotent per
   * `dedupeKey` (default `<kind>:<recordId>`) and user: calling twice notifies once. E-mail follows
   * for users who opted in for `kind` (sent by the scheduler's mail sweep, after commit).
   * Returns the ids of the notifications written.
   */
  notify(tx: Executor, input: NotificationInput): Promise<string[]> {
    return this.repository.insert(tx, input);
  }

  async list(user: AuthUser, query: NotificationListQuery): Promise<NotificationList> {
    const { rows, unread } = await this.repository.list(user.sub, query.limit, query.unreadOnly ?? false);
    return { items: rows.map(toNotification), unread };
  }

  async markRead(user: AuthUser, id: string): Promise<Notification> {
    const row = await this.repository.markRead(user.sub, id);
    if (!row) throw recordNotFound('notification');
    return toNotification(row);
  }

  async markAllRead(user: AuthUser): Promise<{ updated: number }> {
    return { updated: await this.repository.markAllRead(user.sub) };
  }

  async preferences(user: AuthUser): Promise<NotificationPreferences> {
    return toPreferences(await this.repository.preferences(this.repository.db, user.sub));
  }

  /** Saves with the address of the caller's account (from their token), audited in the same transaction. */
  updatePreferences(actor: Actor, body: NotificationPreferencesUpdate): Promise<NotificationPreferences> {
    const { user } = actor;
    return this.repository.db.transaction(async (tx) => {
      const before = await this.repository.preferences(tx, user.sub);
      const saved = await this.repository.savePreferences(
        tx,
        user.sub,
        { emailKinds: body.emailKinds, emailAddress: user.email, language: body.language },
        body.version,
      );
      if (!saved) throw versionConflict(before?.version ?? 0);
      await this.audit.record(tx, {
        actor: user.sub,
        action: before ? 'update' : 'create',
        entity: 'notification-preferences',
        entityId: user.sub,
        before: before ? toPreferences(before) : undefined,
        after: toPreferences(saved),
        requestId: actor.requestId,
      });
      return toPreferences(saved);
    });
  }
}
