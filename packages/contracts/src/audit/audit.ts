import { z } from 'zod';
import { IsoDateSchema } from '../common.js';
import { PageQuerySchema, pageSchema, sortSchema } from '../pagination.js';

// The audit log as administrators read it (`GET /api/admin/audit`, ADMIN only). Rows are written
// by the API itself: one per business write, in the write's transaction, plus the sign-in events.

/** Actions of the authentication events (business writes use create, update, archive, …). */
export const AUTH_AUDIT_ACTIONS = ['login', 'login_failed', 'logout'] as const;
export type AuthAuditAction = (typeof AUTH_AUDIT_ACTIONS)[number];
/** The entity of authentication events; their entity id is the user's id, or the name typed. */
export const AUTH_AUDIT_ENTITY = 'auth';
/** The actor of a failed sign-in: nobody was authenticated. */
export const ANONYMOUS_ACTOR = 'anonymous';

/** Entity types, actions, actors: short identifiers, never free text. */
const Token = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.@:-]+$/, 'letters, digits and . _ - @ : only');

export const AUDIT_SORT_FIELDS = ['at', 'action', 'entity', 'actor'] as const;

/**
 * `GET /api/admin/audit?actor=&entity=&entityId=&action=&from=&to=&sort=&page=&pageSize=`.
 * `actor` is a user id or a username; `from`/`to` are calendar days in Tunis time, both inclusive;
 * `q` (the page's search field) is an actor like `actor`, or the id of a record: rows by that actor
 * or about that record. Newest first unless `sort` says otherwise.
 */
export const AuditListQuerySchema = PageQuerySchema.extend({
  sort: sortSchema(AUDIT_SORT_FIELDS).optional(),
  actor: Token.optional(),
  entity: Token.optional(),
  entityId: z.string().trim().min(1).max(255).optional(),
  action: Token.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
}).strict();
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

/**
 * Why an entry names no label for an object that normally has one: `draft` (an invoice has no
 * number before it is issued), `deleted` (the record is no longer stored).
 */
export const AUDIT_LABEL_GAPS = ['draft', 'deleted'] as const;
export type AuditLabelGap = (typeof AUDIT_LABEL_GAPS)[number];

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  /** A user id (`sub`), `system`/another system actor, or `anonymous` (failed sign-in). */
  actor: z.string(),
  /** The actor's username and display name when the identity provider still knows them. */
  actorUsername: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /**
   * What people call the object, read when the page is served: a quote's, job's, invoice's or
   * payment's number, a client's, lead's or user's name, a reference record's code and name …
   * Null when the object type has no such name (sign-in by an unknown username, a data set load),
   * or for the reason in `entityLabelGap`. The id stays in `entityId`.
   */
  entityLabel: z.string().nullable(),
  /** Why `entityLabel` is null for an object type that has labels; null when there is a label. */
  entityLabelGap: z.enum(AUDIT_LABEL_GAPS).nullable(),
  at: z.string(),
  requestId: z.string().nullable(),
  /** The stored record before and after the change, with secret-looking fields masked. */
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** Top-level fields whose value differs between before and after (all of after's on a create). */
  changedFields: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = pageSchema(AuditEntrySchema);
export type AuditPage = z.infer<typeof AuditPageSchema>;
