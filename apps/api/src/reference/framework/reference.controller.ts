import {
  Body,
  Controller,
  Get,
  Inject,
  Injectable,
  Param,
  Patch,
  Post,
  Query,
  StreamableFile,
  type Type,
} from '@nestjs/common';
import type { CsvImportQuery, CsvImportReport } from '@velosi/contracts';
import { z } from 'zod';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser } from '../../auth/current-user.decorator.js';
import { RequirePermission } from '../../auth/require-permission.decorator.js';
import { CurrentActor, type Actor } from '../../common/records/actor.js';
import { lifecycleController } from '../../activities/record-lifecycle.controller.js';
import type { ListQuery } from '../../common/records/list.js';
import { RecordIdPipe } from '../../common/records/record-id.pipe.js';
import type { RecordTable } from '../../common/records/repository.js';
import { ZodValidationPipe } from '../../common/validation.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { Returns } from '../../docs/api-docs.decorators.js';
import {
  CsvExportRoute,
  CsvImportRoute,
  ExportQuery,
  ImportQuery,
  listCsvFile,
  type ExportOptions,
} from '../../common/csv/csv-routes.js';
import type { AnyReferenceObject } from './reference-object.js';
import { runReferenceImport } from './reference-import.js';
import { ReferenceService } from './reference.service.js';

type Body = Record<string, unknown>;
type Query = ListQuery<string> & Body;
type AnyService = ReferenceService<RecordTable, Record<string, unknown>, string>;

/** The Nest provider of one object's service (its class is the token controllers inject). */
export function referenceServiceProvider(object: AnyReferenceObject): Type<AnyService> {
  @Injectable()
  class ObjectReferenceService extends ReferenceService<RecordTable, Record<string, unknown>, string> {
    constructor(@Inject(DATABASE) database: DatabaseHandle, audit: AuditService) {
      super(object, database.db, audit);
    }
  }
  Object.defineProperty(ObjectReferenceService, 'name', { value: `${object.name}Service` });
  return ObjectReferenceService;
}

/**
 * The controllers of one reference object: list, export.csv, import, get, create, update (everyone with
 * `reference:read` reads, `reference:write` — ADMIN — writes), plus archive/restore through the
 * shared `lifecycleController`.
 */
export function referenceControllers(object: AnyReferenceObject, service: Type<AnyService>): Type[] {
  const { schemas } = object;

  @Controller(`api/${object.path}`)
  class ReferenceController {
    constructor(@Inject(service) private readonly service: AnyService) {}

    @Get()
    @Returns(schemas.page)
    @RequirePermission('reference:read')
    list(@CurrentUser() user: AuthUser, @Query(new ZodValidationPipe(schemas.query)) query: Query) {
      return this.service.list(user, query);
    }

    /** The list with the same filters as CSV (every page, up to MAX_EXPORT_ROWS rows). */
    @CsvExportRoute('reference:read', 'The filtered list as CSV (UTF-8 with BOM).')
    exportCsv(
      @CurrentUser() user: AuthUser,
      @ExportQuery(schemas.query as z.ZodObject) query: Query & ExportOptions,
    ): Promise<StreamableFile> {
      return listCsvFile((q) => this.service.list(user, q), query, object.csvColumns, object.path);
    }

    /** Body: the CSV (text/csv); dry run by default. ADMIN only, like every reference write. */
    @CsvImportRoute('reference:write')
    importCsv(
      @CurrentActor() actor: Actor,
      @ImportQuery() query: CsvImportQuery,
      @Body() csv: unknown,
    ): Promise<CsvImportReport> {
      return runReferenceImport(this.service, actor, csv, query);
    }

    @Get(':id')
    @Returns(schemas.read)
    @RequirePermission('reference:read')
    get(@CurrentUser() user: AuthUser, @Param('id', RecordIdPipe) id: string) {
      return this.service.records.get(user, id);
    }

    @Post()
    @Returns(schemas.read)
    @RequirePermission('reference:write')
    create(@CurrentActor() actor: Actor, @Body(new ZodValidationPipe(schemas.create)) body: Body) {
      return this.service.create(actor, body);
    }

    @Patch(':id')
    @Returns(schemas.read)
    @RequirePermission('reference:write')
    update(
      @CurrentActor() actor: Actor,
      @Param('id', RecordIdPipe) id: string,
      @Body(new ZodValidationPipe(schemas.update)) body: Body & { version: number },
    ) {
      return this.service.update(actor, id, body);
    }
  }
  Object.defineProperty(ReferenceController, 'name', { value: `${object.name}Controller` });

  const lifecycle = lifecycleController({
    path: `api/${object.path}`,
    service,
    read: 'reference:read',
    write: 'reference:write',
    record: schemas.read,
  });
  return [ReferenceController, lifecycle];
}
