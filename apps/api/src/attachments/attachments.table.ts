import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../common/records/columns.js';

// drizzle-kit loads this file alone: the cap is repeated here (contracts ATTACHMENT_LIMITS.maxBytes)
// so the database refuses an oversized file even if a future code path forgot the API's check.
const MAX_BYTES = 10 * 1024 * 1024;

/** `bytea`, read as bytes (node-postgres answers a Buffer, PGlite a Uint8Array). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Files kept on jobs, clients and activities, in the business database so every API instance sees
 * them and backups cover them. `owner_type` + `owner_id` name the record (no foreign key: one table
 * for several owners; the API checks the owner, visible to the caller, before any read or write).
 * Deleting is soft (`deleted_at`), audited under the owner; the bytes stay for the audit trail.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** The type recognised from the content, sent back on download. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytes('content').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    deletedAt: instant('deleted_at'),
    deletedBy: text('deleted_by'),
  },
  (table) => [
    index('attachments_owner_idx')
      .on(table.ownerType, table.ownerId, table.createdAt)
      .where(sql`${table.deletedAt} is null`),
    check('attachments_owner_type', sql`${table.ownerType} in ('job', 'client', 'activity')`),
    check(
      'attachments_size',
      sql`${table.sizeBytes} = octet_length(${table.content}) and ${table.sizeBytes} <= ${sql.raw(String(MAX_BYTES))}`,
    ),
  ],
);
export type AttachmentRow = typeof attachments.$inferSelect;
