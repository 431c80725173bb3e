import { applyDecorators, Get, HttpCode, Post, Query, type StreamableFile } from '@nestjs/common';
import { CsvImportQuerySchema, CsvImportReportSchema, type Permission } from '@velosi/contracts';
import type { z } from 'zod';
import { RequirePermission } from '../../auth/route-access.js';
import { Returns, ReturnsFile } from '../../docs/api-docs.decorators.js';
import { ZodValidationPipe } from '../validation.js';
import {
  collectPages,
  csvFile,
  exportQuerySchema,
  toCsv,
  type CsvColumn,
  type ExportOptions,
} from './csv-export.js';

export type { CsvColumn, ExportOptions } from './csv-export.js';

// The CSV routes every list offers (docs/architecture.md, "CSV"), declared once: the same path,
// documented response, status and access rule wherever a list exports or imports.

/** An object's list query without paging, plus the export options (`sep`, `lang`). */
export type ListExportQuery<Q> = Omit<Q, 'page' | 'pageSize'> & ExportOptions;

/** `GET <path>` (default `export.csv`): the filtered list as a CSV file, for `permission`. */
export const CsvExportRoute = (permission: Permission, description: string, path = 'export.csv') =>
  applyDecorators(Get(path), ReturnsFile('text/csv', description), RequirePermission(permission));

/** `POST <path>` (default `import`): a CSV body, dry run by default (CsvImportQuerySchema); 200 + report. */
export const CsvImportRoute = (permission: Permission, path = 'import') =>
  applyDecorators(Post(path), HttpCode(200), Returns(CsvImportReportSchema), RequirePermission(permission));

/** The query of an export: the list's filters (`list`, without paging) and `sep`/`lang`. */
export const ExportQuery = (list: z.ZodObject): ParameterDecorator =>
  Query(new ZodValidationPipe(exportQuerySchema(list)));

/** The query of an import (`dryRun` …, CsvImportQuerySchema). */
export const ImportQuery = (): ParameterDecorator => Query(new ZodValidationPipe(CsvImportQuerySchema));

/**
 * Every row of a list as the file `<name>.csv`: `list` answers one page of the export's query
 * (page after page, so the list's own filters and visibility apply); `limit` as in collectPages.
 */
export async function listCsvFile<Q extends ExportOptions, T extends object>(
  list: (query: Q & { page: number; pageSize: number }) => Promise<{ items: T[] }>,
  query: Q,
  columns: readonly CsvColumn<T>[],
  name: string,
  limit?: number,
): Promise<StreamableFile> {
  const rows = await collectPages((page, pageSize) => list({ ...query, page, pageSize }), limit);
  return csvFile(toCsv(rows, columns, query), name);
}
