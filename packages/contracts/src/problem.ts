import { z } from 'zod';

/** One offending field of a rejected body or query (path is dot-joined, e.g. `items.0.qty`). */
export const FieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, the body of every error answered by the API. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * `type` of the problems a client is expected to act on (relative URIs, RFC 9457 §3.1.1); any other
 * problem is `about:blank` and its status says it all.
 */
export const PROBLEM_TYPES = {
  /** 409: the record changed since the client read it; reload (`currentVersion`) and retry. */
  conflict: '/problems/conflict',
  /** 409: the action does not fit the record's state (converting a converted lead, archiving twice). */
  invalidState: '/problems/invalid-state',
  /** 409: another live record already holds this unique value (a client's tax id): `existingId`. */
  duplicate: '/problems/duplicate',
  /** 413: an uploaded file is over the cap (`maxBytes`); nothing of the request was stored. */
  fileTooLarge: '/problems/file-too-large',
  /** 415: an uploaded file's content is not an accepted type; nothing of the request was stored. */
  unsupportedFileType: '/problems/unsupported-file-type',
} as const;

/**
 * The 409 answered for a stale `version`: carries the version the record has now. `currentVersion`
 * is absent when the race was lost against another record (two contacts made primary at once).
 */
export const ConflictProblemSchema = ProblemSchema.extend({
  type: z.literal(PROBLEM_TYPES.conflict),
  currentVersion: z.number().int().optional(),
});
export type ConflictProblem = z.infer<typeof ConflictProblemSchema>;

/** The 409 answered when a unique business value is taken: the record that holds it. */
export const DuplicateProblemSchema = ProblemSchema.extend({
  type: z.literal(PROBLEM_TYPES.duplicate),
  existingId: z.string(),
  /** The field whose value is taken, e.g. `fiscalId`. */
  field: z.string(),
});
export type DuplicateProblem = z.infer<typeof DuplicateProblemSchema>;

/**
 * Field-error messages the API words the same way every time, by the SPA's validation key (shown
 * in the reader's language; any other message is shown as the API wrote it).
 */
export const FIELD_MESSAGES = {
  implausibleRate: 'too far from the reference rate of the day (more than twice it, or less than half)',
  afterToday: 'cannot be after today',
  dueBeforeInvoiceDate: 'the due date is before the invoice date',
} as const;
