import { z } from 'zod';
import { EntityIdSchema, IsoDateTimeSchema, UserIdSchema } from '../common.js';

/**
 * Files kept on a record (jobs, clients, activities). The API stores them in the business
 * database and accepts a file by what its first bytes say it is, never by its name or the type
 * the browser declared.
 */

/** The records that carry attachments; each has `/api/<plural>/:id/attachments`. */
export const ATTACHMENT_OWNER_TYPES = ['job', 'client', 'activity'] as const;
export const AttachmentOwnerTypeSchema = z.enum(ATTACHMENT_OWNER_TYPES);
export type AttachmentOwnerType = z.infer<typeof AttachmentOwnerTypeSchema>;

export const ATTACHMENT_KINDS = [
  'booking_confirmation',
  'bill_of_lading',
  'invoice',
  'customs',
  'photo',
  'other',
] as const;
export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

export const ATTACHMENT_LIMITS = {
  /** Per file; a larger one answers 413 and nothing of the request is stored. */
  maxBytes: 10 * 1024 * 1024,
  /** Files per upload request (the SPA sends one request per file, to show each one's progress). */
  maxFilesPerRequest: 5,
  /** Longest file name kept (longer ones are cut, keeping the extension). */
  maxFileNameLength: 200,
} as const;

/** Content types the API accepts, as it recognises them from the file's first bytes. */
export const ATTACHMENT_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
] as const;
export const AttachmentContentTypeSchema = z.enum(ATTACHMENT_CONTENT_TYPES);
export type AttachmentContentType = z.infer<typeof AttachmentContentTypeSchema>;

/** `?kind=` of an upload (multipart body, one or more `file` parts). */
export const AttachmentUploadQuerySchema = z.strictObject({ kind: AttachmentKindSchema.default('other') });
export type AttachmentUploadQuery = z.infer<typeof AttachmentUploadQuerySchema>;

export const AttachmentSchema = z.object({
  id: EntityIdSchema,
  ownerType: AttachmentOwnerTypeSchema,
  ownerId: EntityIdSchema,
  kind: AttachmentKindSchema,
  fileName: z.string(),
  contentType: AttachmentContentTypeSchema,
  sizeBytes: z.number().int().min(0),
  /** SHA-256 of the content, hex: lets a reader spot the same file uploaded twice. */
  sha256: z.string(),
  createdBy: UserIdSchema,
  createdAt: IsoDateTimeSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A record's live attachments, newest first. */
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });
export type AttachmentList = z.infer<typeof AttachmentListSchema>;
