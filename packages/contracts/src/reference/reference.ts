import { z } from 'zod';
import { listContracts, readSchema, updateSchema } from '../common.js';

/**
 * Readable code of a reference partner (`ARM-001` shipping line, `FRN-012` supplier): assigned by
 * the API from a counter row (never typed, never "max + 1"), unique per object.
 */
export const ReadableCodeSchema = z.string().regex(/^[A-Z]{3}-\d{3,}$/, 'expected a code such as ARM-001');

export interface ReferenceContractOptions<
  S extends z.ZodRawShape,
  R extends z.ZodRawShape,
  F extends readonly string[],
  Q extends z.ZodRawShape,
  D extends z.ZodRawShape,
> {
  /** What a user types (create = all of them, with their defaults; update = any of them). */
  fields: S;
  /** Create-only variants of some fields (defaults): PATCH must not apply defaults. */
  createDefaults?: D;
  /** Read-only fields the API sets (a readable `code`). */
  assigned?: R;
  /** Sort allowlist beyond createdAt/updatedAt. */
  sortFields: F;
  /** List filters beyond paging, `q`, `sort` and `archived`. */
  filters?: Q;
}

/**
 * The five schemas of one reference object from one field shape: `create` (strict, defaults
 * applied), `update` (PATCH with `version`), `read` (+ record meta and assigned fields), the list
 * `query` and `page`. Each object file is then a declaration of its fields, not a copy of CRUD.
 */
export function referenceContracts<
  S extends z.ZodRawShape,
  const F extends readonly string[],
  R extends z.ZodRawShape = Record<never, never>,
  Q extends z.ZodRawShape = Record<never, never>,
  D extends z.ZodRawShape = Record<never, never>,
>({ fields, createDefaults, assigned, sortFields, filters }: ReferenceContractOptions<S, R, F, Q, D>) {
  const read = readSchema({ ...fields, ...(assigned ?? ({} as R)) });
  const list = listContracts(read, sortFields, filters ?? ({} as Q));
  return {
    create: z.strictObject({ ...fields, ...(createDefaults ?? ({} as D)) }),
    update: updateSchema(fields),
    read,
    query: list.query,
    page: list.page,
    sortFields: list.sortFields,
  };
}
