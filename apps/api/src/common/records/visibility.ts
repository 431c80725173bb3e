import type { Role } from '@velosi/contracts';
import { arrayContains, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { isAdmin, type AuthUser } from '../../auth/auth-user.js';

/** `read` for GET/list; `write` for every change (reader roles never write, even by accident). */
export type AccessMode = 'read' | 'write';

/**
 * Rows a role reads beyond its own assignments: `true` = all rows, an SQL condition = the rows
 * matching it (OPERATIONS reads accepted quotes: `{ OPERATIONS: eq(quotes.status, 'accepted') }`).
 * Whether the role may call the route at all is the controller's `@RequirePermission`.
 */
export type ReaderScopes = Partial<Record<Role, true | SQL>>;

/**
 * The row filter of a record type; `undefined` means "no filter" (ADMIN). It is ANDed into the
 * SQL WHERE of every query, never applied after loading.
 */
export type Visibility = (user: AuthUser, mode: AccessMode) => SQL | undefined;

/**
 * Visibility by assignment (docs/rules.md): ADMIN sees everything; anyone else the rows whose
 * `assigned_to` contains their sub (GIN-indexed `@>`), plus, for reads, their roles' scopes.
 */
export function assignedVisibility(assignedTo: PgColumn, readers: ReaderScopes = {}): Visibility {
  return (user, mode) => {
    if (isAdmin(user)) return undefined;
    const conditions: SQL[] = [arrayContains(assignedTo, [user.sub])];
    if (mode === 'read') {
      for (const role of user.roles) {
        const scope = readers[role];
        if (scope === true) return undefined;
        if (scope) conditions.push(scope);
      }
    }
    return or(...conditions);
  };
}
