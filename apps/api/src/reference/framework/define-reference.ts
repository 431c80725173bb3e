import { entityMetaShape, type AuditEntity } from '@velosi/contracts';
import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { recordMeta } from '../../common/records/fields.js';
import { recordSortColumns } from '../../common/records/list.js';
import { searchDocument } from '../../common/search/search.js';
import type { RecordRow, RecordTable } from '../../common/records/repository.js';
import type { CsvColumn } from '../../common/csv/csv-export.js';
import {
  everyoneReads,
  type AnyReferenceObject,
  type ReferenceObject,
  type ReferenceSchemas,
} from './reference-object.js';

type Table = RecordTable & { createdAt: PgColumn };

export interface ReferenceDeclaration<T extends Table> {
  path: string;
  name: string;
  entity: AuditEntity;
  table: T;
  schemas: ReferenceSchemas & { read: z.ZodObject };
  /** Sort allowlist of the contract beyond createdAt/updatedAt → column. */
  sort: Record<string, PgColumn | SQL>;
  defaultSort: { field: string; direction: 'asc' | 'desc' };
  /** Fields `q` searches (accent-, case- and word-order-insensitive: common/search). */
  search: readonly (PgColumn | SQL)[];
  filters?: ReferenceObject<T, Record<string, unknown>, string>['filters'];
  codePrefix?: string;
  uniqueFields?: Readonly<Record<string, string>>;
  /** `[field, French header, English header]` in column order. */
  csv: readonly (readonly [string, string, string])[];
}

/**
 * A reference object from its declaration: the API shape is the read contract's fields taken from
 * the row as they are named (tables use the contract's field names), plus the record meta.
 */
export function defineReference<T extends Table>(declaration: ReferenceDeclaration<T>): AnyReferenceObject {
  const { table, schemas } = declaration;
  const fields = Object.keys(schemas.read.shape).filter((key) => !(key in entityMetaShape));
  const toApi = (row: RecordRow<T>) => {
    const values = row as unknown as Record<string, unknown>;
    return {
      ...recordMeta(row as never),
      ...Object.fromEntries(fields.map((field) => [field, values[field]])),
    };
  };
  const csvColumns: CsvColumn[] = declaration.csv.map(([field, fr, en]) => ({ field, fr, en }));
  const object: ReferenceObject<T, Record<string, unknown>, string> = {
    path: declaration.path,
    name: declaration.name,
    schemas,
    definition: {
      entity: declaration.entity,
      table,
      toApi,
      visibility: everyoneReads,
      sortColumns: { ...recordSortColumns(table), ...declaration.sort },
      defaultSort: declaration.defaultSort,
      searchDocument: searchDocument(declaration.search),
      exactCode: (table as Partial<Record<'code', PgColumn>>).code,
    },
    filters: declaration.filters,
    codePrefix: declaration.codePrefix,
    uniqueFields: declaration.uniqueFields,
    csvColumns,
  };
  return object as unknown as AnyReferenceObject;
}

/** `column = value` when the list query has the filter (a string or boolean), else no condition. */
export function equalsIfGiven(column: PgColumn, value: unknown): SQL | undefined {
  return typeof value === 'string' || typeof value === 'boolean' ? eq(column, value) : undefined;
}
