import { z } from 'zod';
import {
  IsoDateTimeSchema,
  line,
  linkFields,
  linkFilters,
  listContracts,
  optionalText,
  QueryBooleanSchema,
  queryListSchema,
  readSchema,
  updateSchema,
  UserIdListSchema,
  UserIdSchema,
  VersionSchema,
  exactlyOneOf,
} from '../common.js';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from '../vocabulary.js';
import { FIELD_MESSAGES } from '../problem.js';

export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

export const ActivityStatusSchema = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatusSchema>;

const activityEditable = {
  type: ActivityTypeSchema,
  subject: line(200),
  description: optionalText(5000),
  /** What came of it, noted when it is marked done; cleared when that is undone. */
  outcome: optionalText(2000),
  status: ActivityStatusSchema,
  /** Instants, not dates: a meeting is at 10:30 Tunis time. */
  dueAt: IsoDateTimeSchema.nullish(),
  doneAt: IsoDateTimeSchema.nullish(),
  reminderAt: IsoDateTimeSchema.nullish(),
  assignedTo: UserIdListSchema,
};

/** The record the activity is about: exactly one, fixed at creation. */
const ACTIVITY_LINK_KEYS = ['leadId', 'opportunityId', 'quoteId', 'clientId'] as const;
const activityLinks = linkFields(ACTIVITY_LINK_KEYS);

/**
 * A reminder after the due time would come too late to be one. Instants with offsets compare by
 * their time; either absent, nothing to compare.
 */
export function reminderAfterDue(
  dueAt: string | null | undefined,
  reminderAt: string | null | undefined,
): boolean {
  return !!dueAt && !!reminderAt && Date.parse(reminderAt) > Date.parse(dueAt);
}

export const ActivityCreateSchema = z
  .strictObject({
    ...activityEditable,
    ...activityLinks,
    status: ActivityStatusSchema.default('scheduled'),
    /** Absent: the API assigns the creating user. */
    assignedTo: UserIdListSchema.optional(),
  })
  .superRefine(exactlyOneOf(ACTIVITY_LINK_KEYS))
  .superRefine((a, ctx) => {
    if (reminderAfterDue(a.dueAt, a.reminderAt)) {
      ctx.addIssue({ code: 'custom', path: ['reminderAt'], message: FIELD_MESSAGES.reminderAfterDue });
    }
  });
export type ActivityCreateInput = z.input<typeof ActivityCreateSchema>;
export type ActivityCreate = z.infer<typeof ActivityCreateSchema>;

export const ActivityUpdateSchema = updateSchema(activityEditable);

/** `POST /api/activities/:id/complete`: done now, with an optional outcome note. */
export const ActivityCompleteSchema = z.strictObject({ version: VersionSchema, outcome: optionalText(2000) });
export type ActivityComplete = z.infer<typeof ActivityCompleteSchema>;
export type ActivityUpdate = z.infer<typeof ActivityUpdateSchema>;

export const ActivitySchema = readSchema({
  ...activityEditable,
  ...activityLinks,
  /**
   * The linked record in words (a lead's company or name, an opportunity's title, a quote's number,
   * a client's name), given by the list so a row says whom it is about; absent on a single read.
   */
  relatedName: z.string().nullish(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const {
  sortFields: ACTIVITY_SORT_FIELDS,
  query: ActivityListQuerySchema,
  page: ActivityPageSchema,
} = listContracts(ActivitySchema, ['dueAt', 'type', 'status', 'subject'], {
  ...linkFilters(ACTIVITY_LINK_KEYS),
  type: queryListSchema(ActivityTypeSchema).optional(),
  status: queryListSchema(ActivityStatusSchema).optional(),
  assignedTo: UserIdSchema.optional(),
  dueFrom: IsoDateTimeSchema.optional(),
  dueTo: IsoDateTimeSchema.optional(),
  /** `true`: open (scheduled/postponed) activities whose `dueAt` is past; `false`: all the others. */
  overdue: QueryBooleanSchema.optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;
export type ActivityPage = z.infer<typeof ActivityPageSchema>;
