import {
  FIELD_MESSAGES,
  type CsvImportError,
  type CsvImportQuery,
  type CsvImportReport,
} from '@velosi/contracts';
import { z } from 'zod';
import { runCsvImport, type ImportField, type ImportRow } from '../../common/csv/csv-import.js';
import type { Actor } from '../../common/records/actor.js';
import type { RecordTable } from '../../common/records/repository.js';
import type { Transaction } from '../../database/database.types.js';
import type { ReferenceService } from './reference.service.js';
import { uniqueViolation } from './unique-violation.js';

type Body = Record<string, unknown>;
type AnyService = ReferenceService<RecordTable, Body, string>;

/** Wrappers that do not change how a cell is read (optional, nullable, default…). */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (WRAPPERS.has(inner.def.type)) {
    if (inner.def.type !== 'nullable') optional = true;
    inner = (inner.def as unknown as { innerType: z.ZodType }).innerType;
  }
  return { inner, optional: optional || schema.safeParse(undefined).success };
}

function kindOf(schema: z.ZodType): ImportField['kind'] {
  const type = schema.def.type;
  if (type === 'number' || type === 'int') return 'number';
  if (type === 'array') return 'list';
  if (type === 'boolean') return 'boolean';
  return 'text';
}

/**
 * The import fields of a reference object: its export columns the create contract takes (an
 * assigned readable code is left out), read as the contract's types say.
 */
export function referenceImportFields(service: AnyService): ImportField[] {
  const create = service.object.schemas.create;
  const shape = create instanceof z.ZodObject ? (create.shape as Record<string, z.ZodType>) : {};
  return service.object.csvColumns.flatMap((column): ImportField[] => {
    const field = shape[column.field];
    if (!field) return [];
    const { inner, optional } = unwrap(field);
    return [{ field: column.field, fr: column.fr, en: column.en, kind: kindOf(inner), required: !optional }];
  });
}

/**
 * A row at a time, each in a savepoint: a unique key already taken (a location code, a currency's
 * rate of a day) refuses that row, named on its field, and the batch goes on. The dry run runs the
 * same inserts and rolls them back, so it reports those refusals too.
 */
async function insertRows(
  tx: Transaction,
  service: AnyService,
  actor: Actor,
  rows: readonly ImportRow<Body>[],
): Promise<CsvImportError[]> {
  const errors: CsvImportError[] = [];
  const uniqueFields = service.object.uniqueFields ?? {};
  for (const { line, value } of rows) {
    try {
      await tx.transaction((savepoint) => service.insert(savepoint, actor, value));
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === undefined) throw error;
      errors.push({ line, field: uniqueFields[constraint] ?? '', reason: FIELD_MESSAGES.duplicate });
    }
  }
  return errors;
}

export function runReferenceImport(
  service: AnyService,
  actor: Actor,
  csv: unknown,
  query: CsvImportQuery,
): Promise<CsvImportReport> {
  return runCsvImport(service.records.db, csv, query, {
    fields: referenceImportFields(service),
    schema: service.object.schemas.create as z.ZodType<Body>,
    insert: (tx, rows) => insertRows(tx, service, actor, rows),
    dryRunInserts: true,
  });
}
