import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  InvoiceCreateSchema,
  InvoiceDeleteQuerySchema,
  InvoiceFromJobSchema,
  InvoiceListQuerySchema,
  InvoicePageSchema,
  InvoiceSchema,
  InvoiceUpdateSchema,
  type Invoice,
  type InvoiceCreate,
  type InvoiceDeleteQuery,
  type InvoiceFromJob,
  type InvoiceListQuery,
  type InvoicePage,
  type InvoiceUpdate,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { RateBudget } from '../../common/rate-limit/rate-budget.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { invalidState } from '../../common/records/problems.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns, ReturnsFile } from '../../docs/api-docs.decorators.js';
import { pdfResponse } from '../../documents/pdf-response.js';
import { InvoiceDocuments } from '../documents/invoice-documents.js';
import { InvoicesService } from '../domain/invoices.service.js';

/** `/api/invoices`: list, read, stored PDF, drafts (create, from a job, edit, delete). */
@Controller('api/invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly documents: InvoiceDocuments,
  ) {}

  @Get()
  @RequirePermission('invoices:read')
  @Returns(InvoicePageSchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(InvoiceListQuerySchema)) query: InvoiceListQuery,
  ): Promise<InvoicePage> {
    return this.invoices.list(user, query);
  }

  @Get(':id')
  @RequirePermission('invoices:read')
  @Returns(InvoiceSchema)
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<Invoice> {
    return this.invoices.get(user, id);
  }

  /** The PDF stored at issue, byte for byte; drafts have none (409). */
  @Get(':id/pdf')
  @RateBudget('documents')
  @RequirePermission('invoices:read')
  @ReturnsFile('application/pdf', 'The issued invoice or credit note as stored.')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<StreamableFile> {
    const { db } = this.invoices.repository;
    const row = await this.invoices.repository.require(db, user, id);
    if (row.status !== 'issued') throw invalidState('A draft has no PDF yet: issue it first.');
    return pdfResponse(await this.documents.pdfOf(db, row, await this.invoices.present(db, row)));
  }

  @Post()
  @RequirePermission('invoices:write')
  @Returns(InvoiceSchema)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(InvoiceCreateSchema)) body: InvoiceCreate,
  ): Promise<Invoice> {
    return this.invoices.create(actor, body);
  }

  @Post('from-job')
  @RequirePermission('invoices:write')
  @Returns(InvoiceSchema)
  fromJob(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(InvoiceFromJobSchema)) body: InvoiceFromJob,
  ): Promise<Invoice> {
    return this.invoices.fromJob(actor, body);
  }

  /** Drafts only (409 once issued); `lines`, when given, replaces every line. */
  @Patch(':id')
  @RequirePermission('invoices:write')
  @Returns(InvoiceSchema)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(InvoiceUpdateSchema)) body: InvoiceUpdate,
  ): Promise<Invoice> {
    return this.invoices.update(actor, id, body);
  }

  /** Drafts only (409 once issued). */
  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('invoices:write')
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Query(new ZodValidationPipe(InvoiceDeleteQuerySchema)) query: InvoiceDeleteQuery,
  ): Promise<void> {
    await this.invoices.delete(actor, id, query.version);
  }
}
