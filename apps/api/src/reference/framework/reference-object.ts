import type { SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { ListQuery } from '../../common/records/list.js';
import type { RecordDefinition, RecordTable } from '../../common/records/repository.js';
import type { Visibility } from '../../common/records/visibility.js';
import type { CsvColumn } from '../../common/csv/csv-export.js';

/** Reference data is shared: every signed-in user with `reference:read` reads every row. */
export const everyoneReads: Visibility = () => undefined;

/** The contract schemas of one object (what `referenceContracts` in @velosi/contracts returns). */
export interface ReferenceSchemas {
  create: z.ZodType;
  update: z.ZodType;
  read: z.ZodType;
  query: z.ZodType;
  page: z.ZodType;
}

/**
 * Everything that differs between two reference objects; the generic service and controller
 * (`referenceController`) do the rest: list/get/create/update/archive/restore/export.csv with
 * `reference:read` / `reference:write`, audit, versions, 400 on a duplicate unique field.
 */
export interface ReferenceObject<T extends RecordTable, Api, F extends string> {
  /** URL segment under /api: `locations`, `shipping-lines`. */
  path: string;
  /** Name used for the controller classes (`Locations`). */
  name: string;
  schemas: ReferenceSchemas;
  /** Entity, table, toApi, sort, search (visibility: `everyoneReads`). */
  definition: RecordDefinition<T, Api, F>;
  /** The object's list filters → SQL conditions (undefined = no condition). */
  filters?(query: ListQuery<F> & Record<string, unknown>): (SQL | undefined)[];
  /** Readable-code prefix (`ARM`): the API assigns `code` on create from a counter row. */
  codePrefix?: string;
  /** Unique index name → body field, reported as a 400 on that field. */
  uniqueFields?: Readonly<Record<string, string>>;
  /** Body (validated create or update) → column values, when they differ from the body's keys. */
  toColumns?(body: Record<string, unknown>): Partial<PgInsertValue<T>>;
  /** Columns of `export.csv` (and headers an import recognises), in order. */
  csvColumns: readonly CsvColumn[];
}

/** A declaration whose table/api/sort types have been forgotten (lists of objects, factories). */
export type AnyReferenceObject = ReferenceObject<RecordTable, Record<string, unknown>, string>;
