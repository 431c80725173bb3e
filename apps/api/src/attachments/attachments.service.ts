import { createHash } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  ATTACHMENT_LIMITS,
  PROBLEM_TYPES,
  type Attachment,
  type AttachmentKind,
  type AttachmentList,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import type { Actor } from '../common/records/actor.js';
import { ProblemException } from '../common/problem-exception.js';
import { ValidationProblem } from '../common/validation.js';
import type { AttachmentOwner, OwnerRecords } from './attachment-owners.js';
import { AttachmentsRepository, toAttachment } from './attachments.repository.js';
import { nameForType, safeFileName, sniffContentType } from './content-sniffing.js';

/** A file as received, before it is checked. */
export interface ReceivedFile {
  fileName: string;
  bytes: Uint8Array;
}

/** A stored file ready to be sent: its description and its bytes, slice by slice. */
export interface AttachmentDownload {
  attachment: Attachment;
  content: AsyncIterable<Buffer>;
}

const notFound = () => new NotFoundException('attachment not found');

/**
 * Attachments of any owner. The owner comes first: it must exist and be visible to the caller
 * (for writing when uploading or deleting) through the owner's own repository, else 404 — so the
 * files of a record follow that record's visibility. Writes are audited under the owner
 * (`attachment_add`, `attachment_delete`), in the write's transaction, so they show on its timeline.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly files: AttachmentsRepository,
    private readonly modules: ModuleRef,
  ) {}

  private records(owner: AttachmentOwner): OwnerRecords {
    return this.modules.get(owner.repository, { strict: false });
  }

  async list(owner: AttachmentOwner, user: AuthUser, ownerId: string): Promise<AttachmentList> {
    const db = this.files.db;
    await this.records(owner).require(db, user, ownerId, { mode: 'read' });
    return { items: (await this.files.list(db, owner.type, ownerId)).map(toAttachment) };
  }

  /**
   * Stores every file or none: each is checked (size, type from its content) before the
   * transaction; one refused file refuses the request.
   */
  async upload(
    owner: AttachmentOwner,
    actor: Actor,
    ownerId: string,
    kind: AttachmentKind,
    received: ReceivedFile[],
  ): Promise<AttachmentList> {
    const records = this.records(owner);
    // The owner before the files: a caller who may not write it learns nothing about the checks.
    await records.require(this.files.db, actor.user, ownerId, { mode: 'write' });
    if (received.length === 0) {
      throw new ValidationProblem([{ field: 'file', message: 'send at least one file' }]);
    }
    const checked = received.map((file) => {
      const fileName = safeFileName(file.fileName, ATTACHMENT_LIMITS.maxFileNameLength);
      if (file.bytes.length > ATTACHMENT_LIMITS.maxBytes) throw tooLarge(fileName);
      if (file.bytes.length === 0)
        throw new ValidationProblem([{ field: 'file', message: `${fileName} is empty` }]);
      const contentType = sniffContentType(file.bytes, fileName);
      if (!contentType) throw unsupported(fileName);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const kept = safeFileName(nameForType(fileName, contentType), ATTACHMENT_LIMITS.maxFileNameLength);
      return { fileName: kept, contentType, sha256, content: file.bytes };
    });
    return records.db.transaction(async (tx) => {
      await records.require(tx, actor.user, ownerId, { mode: 'write' });
      const rows = await this.files.insert(
        tx,
        checked.map((file) => ({ ...file, ownerType: owner.type, ownerId, kind, createdBy: actor.user.sub })),
      );
      const items = rows.map(toAttachment);
      for (const item of items)
        await records.recordAudit(tx, actor, 'attachment_add', ownerId, undefined, item);
      return { items };
    });
  }

  async download(
    owner: AttachmentOwner,
    user: AuthUser,
    ownerId: string,
    id: string,
  ): Promise<AttachmentDownload> {
    const db = this.files.db;
    await this.records(owner).require(db, user, ownerId, { mode: 'read' });
    const row = await this.files.find(db, owner.type, ownerId, id);
    if (!row) throw notFound();
    return { attachment: toAttachment(row), content: this.files.content(row.id, row.sizeBytes) };
  }

  remove(owner: AttachmentOwner, actor: Actor, ownerId: string, id: string): Promise<void> {
    const records = this.records(owner);
    return records.db.transaction(async (tx) => {
      await records.require(tx, actor.user, ownerId, { mode: 'write' });
      const row = await this.files.softDelete(tx, owner.type, ownerId, id, actor.user.sub);
      if (!row) throw notFound();
      await records.recordAudit(tx, actor, 'attachment_delete', ownerId, toAttachment(row), undefined);
    });
  }
}

export function tooLarge(fileName?: string): ProblemException {
  const mb = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);
  return new ProblemException(
    413,
    PROBLEM_TYPES.fileTooLarge,
    `${fileName ?? 'A file'} is larger than ${mb} MB; nothing was stored.`,
    { maxBytes: ATTACHMENT_LIMITS.maxBytes },
  );
}

function unsupported(fileName: string): ProblemException {
  return new ProblemException(
    415,
    PROBLEM_TYPES.unsupportedFileType,
    `${fileName} is not a PDF, an image (PNG, JPEG, GIF, WebP) or an office document; nothing was stored.`,
  );
}
