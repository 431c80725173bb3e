import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  JobProfitBreakdownSchema,
  SupplierInvoiceCreateSchema,
  SupplierInvoiceListQuerySchema,
  SupplierInvoicePageSchema,
  SupplierInvoiceSchema,
  SupplierInvoiceUpdateSchema,
  type JobProfitBreakdown,
  type SupplierInvoice,
  type SupplierInvoiceCreate,
  type SupplierInvoiceListQuery,
  type SupplierInvoicePage,
  type SupplierInvoiceUpdate,
} from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import { JobProfitService } from '../domain/job-profit.service.js';
import { SupplierInvoicesService } from '../domain/supplier-invoices.service.js';

/** `/api/supplier-invoices`: list, read, record, edit (archive/restore: the lifecycle controller). */
@Controller('api/supplier-invoices')
export class SupplierInvoicesController {
  constructor(private readonly invoices: SupplierInvoicesService) {}

  @Get()
  @RequirePermission('supplier-invoices:read')
  @Returns(SupplierInvoicePageSchema)
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(SupplierInvoiceListQuerySchema)) query: SupplierInvoiceListQuery,
  ): Promise<SupplierInvoicePage> {
    return this.invoices.list(user, query);
  }

  @Get(':id')
  @RequirePermission('supplier-invoices:read')
  @Returns(SupplierInvoiceSchema)
  get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<SupplierInvoice> {
    return this.invoices.get(user, id);
  }

  @Post()
  @RequirePermission('supplier-invoices:write')
  @Returns(SupplierInvoiceSchema)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodValidationPipe(SupplierInvoiceCreateSchema)) body: SupplierInvoiceCreate,
  ): Promise<SupplierInvoice> {
    return this.invoices.create(actor, body);
  }

  /** Any field, the paid flag included; `lines`, when given, replaces every line. */
  @Patch(':id')
  @RequirePermission('supplier-invoices:write')
  @Returns(SupplierInvoiceSchema)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', RecordIdPipe) id: string,
    @Body(new ZodValidationPipe(SupplierInvoiceUpdateSchema)) body: SupplierInvoiceUpdate,
  ): Promise<SupplierInvoice> {
    return this.invoices.update(actor, id, body);
  }
}

/** `GET /api/jobs/:id/profit`: planned vs actual vs invoiced, for whoever sees the job's costs. */
@Controller('api/jobs')
export class JobProfitController {
  constructor(private readonly profit: JobProfitService) {}

  @Get(':id/profit')
  @RequirePermission('jobs:costs')
  @Returns(JobProfitBreakdownSchema)
  of(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string): Promise<JobProfitBreakdown> {
    return this.profit.of(user, id);
  }
}
