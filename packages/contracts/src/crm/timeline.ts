import { z } from 'zod';
import { ActivitySchema } from './activities.js';
import { IsoDateTimeSchema, UserIdSchema } from '../common.js';
import { PageQuerySchema, pageSchema } from '../pagination.js';

/**
 * `GET /api/{leads|opportunities|clients|quotes}/:id/timeline`: the record's activities and its
 * audit entries merged, newest first. An activity is placed at its done time, else its due time,
 * else its creation time (so upcoming work sits on top).
 */
export const TimelineQuerySchema = PageQuerySchema.pick({ page: true, pageSize: true }).strict();
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

/** One field an audited write changed (API field names; values as the API answers them). */
export const FieldChangeSchema = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const TimelineActivityItemSchema = z.object({
  kind: z.literal('activity'),
  at: IsoDateTimeSchema,
  activity: ActivitySchema,
});

export const TimelineAuditItemSchema = z.object({
  kind: z.literal('audit'),
  at: IsoDateTimeSchema,
  /** audit_log id (a number sent as a string). */
  id: z.string(),
  /** Token `sub` of who did it, or `system`. */
  actor: UserIdSchema,
  /** `create`, `update`, `archive`, `restore`, `convert`, `stage_change`, `complete`, … */
  action: z.string(),
  /** Empty for a creation (the whole record is new) and for actions that only touch metadata. */
  changes: z.array(FieldChangeSchema),
  /**
   * Display names of the ids this entry mentions (actor, assignees, client, prospect, opportunity,
   * contact), so the history reads as words; an id missing here has no name any more.
   */
  names: z.record(z.string(), z.string()).optional(),
  /**
   * For an entry written on a part of the record (a job's container, cost line or milestone): the
   * part as a person names it — the container's number, the line's description, the milestone's
   * kind (a code). Its `changes` are then the part's own fields (an edit), or none (added, removed).
   */
  subject: z.string().nullable().optional(),
});
export type TimelineAuditItem = z.infer<typeof TimelineAuditItemSchema>;

export const TimelineItemSchema = z.discriminatedUnion('kind', [
  TimelineActivityItemSchema,
  TimelineAuditItemSchema,
]);
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TimelinePageSchema = pageSchema(TimelineItemSchema);
export type TimelinePage = z.infer<typeof TimelinePageSchema>;
