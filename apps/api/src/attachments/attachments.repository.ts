import { Inject, Injectable } from '@nestjs/common';
import type {
  Attachment,
  AttachmentContentType,
  AttachmentKind,
  AttachmentOwnerType,
} from '@velosi/contracts';
import { and, desc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../common/records/repository.js';
import { DATABASE, type Database, type DatabaseHandle } from '../database/database.types.js';
import { attachments, type AttachmentRow } from './attachments.table.js';

/** Every column but the bytes: lists and audits never carry the content. */
const { content: _content, ...metaColumns } = getTableColumns(attachments);
type AttachmentMeta = Omit<AttachmentRow, 'content'>;

/** Download in slices of this size: memory stays bounded whatever the file's size. */
const SLICE_BYTES = 1024 * 1024;
/** More than a record ever gets; keeps the list answer bounded. */
const LIST_LIMIT = 500;

export function toAttachment(row: AttachmentMeta): Attachment {
  return {
    id: row.id,
    ownerType: row.ownerType as AttachmentOwnerType,
    ownerId: row.ownerId,
    kind: row.kind as AttachmentKind,
    fileName: row.fileName,
    contentType: row.contentType as AttachmentContentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface NewAttachment {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: AttachmentContentType;
  sha256: string;
  content: Uint8Array;
  createdBy: string;
}

@Injectable()
export class AttachmentsRepository {
  readonly db: Database;

  constructor(@Inject(DATABASE) database: DatabaseHandle) {
    this.db = database.db;
  }

  private live(ownerType: AttachmentOwnerType, ownerId: string) {
    return and(
      eq(attachments.ownerType, ownerType),
      eq(attachments.ownerId, ownerId),
      isNull(attachments.deletedAt),
    );
  }

  async insert(executor: Executor, rows: NewAttachment[]): Promise<AttachmentMeta[]> {
    if (rows.length === 0) return [];
    return executor
      .insert(attachments)
      .values(rows.map((row) => ({ ...row, sizeBytes: row.content.length })))
      .returning(metaColumns);
  }

  list(executor: Executor, ownerType: AttachmentOwnerType, ownerId: string): Promise<AttachmentMeta[]> {
    return executor
      .select(metaColumns)
      .from(attachments)
      .where(this.live(ownerType, ownerId))
      .orderBy(desc(attachments.createdAt), desc(attachments.id))
      .limit(LIST_LIMIT);
  }

  async find(
    executor: Executor,
    ownerType: AttachmentOwnerType,
    ownerId: string,
    id: string,
  ): Promise<AttachmentMeta | undefined> {
    const [row] = await executor
      .select(metaColumns)
      .from(attachments)
      .where(and(eq(attachments.id, id), this.live(ownerType, ownerId)));
    return row;
  }

  /** Marks the file deleted (bytes kept for the audit trail); undefined when it was not live. */
  async softDelete(
    executor: Executor,
    ownerType: AttachmentOwnerType,
    ownerId: string,
    id: string,
    by: string,
  ): Promise<AttachmentMeta | undefined> {
    const [row] = await executor
      .update(attachments)
      .set({ deletedAt: sql`now()`, deletedBy: by })
      .where(and(eq(attachments.id, id), this.live(ownerType, ownerId)))
      .returning(metaColumns);
    return row;
  }

  /** The bytes, slice by slice (`substring` on bytea reads only the slice asked for). */
  async *content(id: string, sizeBytes: number): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < sizeBytes; offset += SLICE_BYTES) {
      const [row] = await this.db
        .select({
          slice: sql<Uint8Array>`substring(${attachments.content} from ${offset + 1} for ${SLICE_BYTES})`,
        })
        .from(attachments)
        .where(eq(attachments.id, id));
      if (!row) return;
      const slice = row.slice;
      yield Buffer.isBuffer(slice) ? slice : Buffer.from(slice);
    }
  }
}
