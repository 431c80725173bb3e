import { Readable } from 'node:stream';
import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  StreamableFile,
  UnsupportedMediaTypeException,
  type Type,
} from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import {
  ATTACHMENT_LIMITS,
  AttachmentListSchema,
  AttachmentUploadQuerySchema,
  type AttachmentList,
  type AttachmentUploadQuery,
} from '@velosi/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../common/records/actor.js';
import { RecordIdPipe } from '../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns, ReturnsFile } from '../docs/api-docs.decorators.js';
import type { AttachmentOwner } from './attachment-owners.js';
import { AttachmentsService, tooLarge, type ReceivedFile } from './attachments.service.js';
import { contentDisposition } from './content-sniffing.js';

/** Reads the multipart body's `file` parts into memory, each capped (over the cap: 413). */
async function receiveFiles(request: FastifyRequest): Promise<ReceivedFile[]> {
  if (!request.isMultipart()) {
    throw new UnsupportedMediaTypeException('Send the files as multipart/form-data.');
  }
  const files: ReceivedFile[] = [];
  const parts = request.files({
    limits: { fileSize: ATTACHMENT_LIMITS.maxBytes, files: ATTACHMENT_LIMITS.maxFilesPerRequest, fields: 5 },
    throwFileSizeLimit: true,
  });
  try {
    for await (const part of parts as AsyncIterable<MultipartFile>) {
      files.push({ fileName: part.filename, bytes: await part.toBuffer() });
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE')
      throw tooLarge();
    throw error;
  }
  return files;
}

/**
 * The attachment routes of one owner (`/api/<owner>/:id/attachments…`), built from its entry in
 * ATTACHMENT_OWNERS with the owner's own read and write permissions.
 */
export function attachmentsController(owner: AttachmentOwner): Type {
  @Controller(`${owner.path}/:id/attachments`)
  class AttachmentsController {
    constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

    @Get()
    @Returns(AttachmentListSchema)
    @RequirePermission(owner.read)
    list(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<AttachmentList> {
      return this.attachments.list(owner, user, id);
    }

    /** multipart/form-data with one or more `file` parts; `?kind=` applies to all of them. */
    @Post()
    @HttpCode(201)
    @Returns(AttachmentListSchema)
    @RequirePermission(owner.write)
    async upload(
      @CurrentActor() actor: Actor,
      @Param('id', RecordIdPipe) id: string,
      @Query(new ZodValidationPipe(AttachmentUploadQuerySchema)) query: AttachmentUploadQuery,
      @Req() request: FastifyRequest,
    ): Promise<AttachmentList> {
      return this.attachments.upload(owner, actor, id, query.kind, await receiveFiles(request));
    }

    @Get(':attachmentId')
    @Header('X-Content-Type-Options', 'nosniff')
    @ReturnsFile('application/octet-stream', 'The file as stored, with the type recognised at upload.')
    @RequirePermission(owner.read)
    async download(
      @CurrentUser() user: AuthUser,
      @Param('id', RecordIdPipe) id: string,
      @Param('attachmentId', RecordIdPipe) attachmentId: string,
    ): Promise<StreamableFile> {
      const { attachment, content } = await this.attachments.download(owner, user, id, attachmentId);
      return new StreamableFile(Readable.from(content), {
        type: attachment.contentType,
        disposition: contentDisposition(attachment.fileName),
        length: attachment.sizeBytes,
      });
    }

    @Delete(':attachmentId')
    @HttpCode(204)
    @RequirePermission(owner.write)
    remove(
      @CurrentActor() actor: Actor,
      @Param('id', RecordIdPipe) id: string,
      @Param('attachmentId', RecordIdPipe) attachmentId: string,
    ): Promise<void> {
      return this.attachments.remove(owner, actor, id, attachmentId);
    }
  }
  Object.defineProperty(AttachmentsController, 'name', { value: `${owner.type}_attachments` });
  return AttachmentsController;
}
