import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, versionColumn } from '../common/records/columns.js';

/**
 * One notification of one user (token `sub`; users live in Keycloak, so no foreign key). Written by
 * `NotificationsService.notify` in the transaction of the event, or by the scheduler.
 *
 * `dedupe_key` is what makes a notification happen once: (user, kind, record, due date) for the
 * scheduler's reminders, (user, kind, record) for events. Every writer inserts with
 * `ON CONFLICT DO NOTHING`, so several API instances running the same sweep at once still write
 * one row: the unique index decides, not a timer in one process.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    readAt: instant('read_at'),
    // E-mail delivery: `none` (not opted in), `pending` (claimed by a sweep with SKIP LOCKED),
    // `sent`, `failed` (gave up after the attempts below).
    emailStatus: text('email_status').notNull().default('none'),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailedAt: instant('emailed_at'),
  },
  (table) => [
    uniqueIndex('notifications_dedupe_idx').on(table.userId, table.dedupeKey),
    index('notifications_user_idx').on(table.userId, table.createdAt.desc()),
    index('notifications_unread_idx')
      .on(table.userId)
      .where(sql`${table.readAt} is null`),
    index('notifications_email_pending_idx')
      .on(table.createdAt)
      .where(sql`${table.emailStatus} = 'pending'`),
    check('notifications_email_status', sql`${table.emailStatus} in ('none', 'pending', 'sent', 'failed')`),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;

/** Per user: which kinds also go by e-mail, and to which address (their account's, when saved). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: text('user_id').primaryKey(),
  emailKinds: text('email_kinds')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  emailAddress: text('email_address'),
  // French or English e-mails: the language the SPA was in when the user saved.
  language: text('language').notNull().default('fr'),
  ...versionColumn(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});
export type NotificationPreferencesRow = typeof notificationPreferences.$inferSelect;
