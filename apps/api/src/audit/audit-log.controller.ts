import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import {
  AuditListQuerySchema,
  AuditPageSchema,
  type AuditListQuery,
  type AuditPage,
} from '@velosi/contracts';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { ExportQuery, listCsvFile, type CsvColumn, type ListExportQuery } from '../common/csv/csv-routes.js';
import { ZodValidationPipe } from '../common/validation.js';
import { Returns, ReturnsFile } from '../docs/api-docs.decorators.js';
import { AuditLogService } from './audit-log.service.js';

/** Fewer rows than other exports: each row carries two JSON documents. Narrow the period beyond. */
export const MAX_AUDIT_EXPORT_ROWS = 10_000;

const AUDIT_CSV_COLUMNS: readonly CsvColumn[] = [
  { field: 'at', fr: 'Date', en: 'Time' },
  { field: 'actor', fr: 'Auteur (id)', en: 'Actor (id)' },
  { field: 'actorUsername', fr: 'Identifiant', en: 'Username' },
  { field: 'actorName', fr: 'Nom', en: 'Name' },
  { field: 'action', fr: 'Action', en: 'Action' },
  { field: 'entity', fr: 'Objet', en: 'Entity' },
  { field: 'entityId', fr: 'Id objet', en: 'Entity id' },
  { field: 'entityLabel', fr: 'Numéro ou nom', en: 'Number or name' },
  { field: 'changedFields', fr: 'Champs modifiés', en: 'Changed fields' },
  { field: 'before', fr: 'Avant', en: 'Before' },
  { field: 'after', fr: 'Après', en: 'After' },
  { field: 'requestId', fr: 'Requête', en: 'Request' },
];

/** The audit log for administrators: who did what, when, with the fields that changed. */
@Controller('api/admin')
@RequirePermission('audit:read')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Get('audit')
  @Returns(AuditPageSchema)
  list(@Query(new ZodValidationPipe(AuditListQuerySchema)) query: AuditListQuery): Promise<AuditPage> {
    return this.audit.list(query);
  }

  @Get('audit.csv')
  @ReturnsFile(
    'text/csv',
    'The filtered audit log as CSV (UTF-8 with BOM), newest first, 10 000 rows at most.',
  )
  exportCsv(
    @ExportQuery(AuditListQuerySchema) query: ListExportQuery<AuditListQuery>,
  ): Promise<StreamableFile> {
    return listCsvFile((q) => this.audit.list(q), query, AUDIT_CSV_COLUMNS, 'audit', MAX_AUDIT_EXPORT_ROWS);
  }
}
