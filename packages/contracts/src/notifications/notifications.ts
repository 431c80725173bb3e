import { z } from 'zod';
import { EntityIdSchema, IsoDateTimeSchema, QueryBooleanSchema, VersionSchema } from '../common.js';

/**
 * What a user is told about. In-app is always on; e-mail is opt-in per kind (preferences).
 * Other rooms add their kinds here (jobs: milestones) and call the API's `NotificationsService.notify`.
 */
export const NOTIFICATION_KINDS = [
  'quote-accepted',
  'quote-rejected',
  'activity-reminder',
  'quote-expiring',
  'lead-follow-up',
  // A milestone recorded on a job of one of the commercial's clients.
  'job-milestone',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** The record a click on the notification opens (an activity reminder opens the activity's record). */
export const NOTIFICATION_RECORD_TYPES = ['quote', 'lead', 'opportunity', 'client', 'job'] as const;
export const NotificationRecordTypeSchema = z.enum(NOTIFICATION_RECORD_TYPES);
export type NotificationRecordType = z.infer<typeof NotificationRecordTypeSchema>;

export const NotificationSchema = z.object({
  id: EntityIdSchema,
  kind: NotificationKindSchema,
  recordType: NotificationRecordTypeSchema,
  recordId: EntityIdSchema,
  /** The record's label when the notification was made (quote number and title, activity subject…). */
  title: z.string(),
  /** A short extra line: the customer's rejection reason, the due date. */
  detail: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  readAt: IsoDateTimeSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** The newest notifications (at most `limit`) and how many are unread in all. */
export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int().min(0),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NotificationListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: QueryBooleanSchema.optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationReadAllSchema = z.object({ updated: z.number().int().min(0) });
export type NotificationReadAll = z.infer<typeof NotificationReadAllSchema>;

/**
 * A user's preferences. `version` 0 means "never saved" (defaults: no e-mail). E-mail goes to the
 * address of the user's account, taken from their sign-in when they save (`emailAddress`).
 */
export const NotificationPreferencesSchema = z.object({
  emailKinds: z.array(NotificationKindSchema),
  emailAddress: z.string().nullable(),
  /** Language of the e-mails. */
  language: z.enum(['fr', 'en']),
  version: z.number().int().min(0),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

export const NotificationPreferencesUpdateSchema = z.strictObject({
  emailKinds: z
    .array(NotificationKindSchema)
    .max(NOTIFICATION_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'expected each kind at most once'),
  language: z.enum(['fr', 'en']),
  /** 0 for the first save. */
  version: z.union([z.literal(0), VersionSchema]),
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;
