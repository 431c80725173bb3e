import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// Imported by `*.table.ts` files, which drizzle-kit loads on their own: keep this file free of
// anything but drizzle-orm.

/** Tables another table file points at without importing it. */
export type ReferencedTableName = 'opportunities';

const ids = new Map<ReferencedTableName, AnyPgColumn>();

/**
 * Two tables that point at each other (a lead's `converted_opportunity_id`, an opportunity's
 * `lead_id`) would import each other — an import cycle, which lint refuses. The table defined
 * second registers its id column here, and the first one references it by name. Drizzle reads a
 * `.references(() => …)` lazily (migrations diff, relational metadata), after every table file
 * has loaded: database/schema.ts and drizzle-kit's `*.table.ts` glob load them all.
 */
export function registerReferencedId(table: ReferencedTableName, id: AnyPgColumn): void {
  ids.set(table, id);
}

/** The id column of `table`, for `.references(() => referencedId('opportunities'))`. */
export function referencedId(table: ReferencedTableName): AnyPgColumn {
  const id = ids.get(table);
  if (!id) throw new Error(`table ${table} is not loaded: import database/schema.ts`);
  return id;
}
