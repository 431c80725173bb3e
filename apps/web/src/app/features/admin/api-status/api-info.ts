import type { ApiInfo, DatabaseKind } from '@velosi/contracts';

// Type-only import on purpose: the contracts' zod schemas would add ~80 kB (gzip) to the landing
// page for a three-field check. The API already validates its output with ApiInfoSchema.
const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Narrows the `/api/info` body; throws so the page shows "unexpected response" instead of blanks. */
export function parseApiInfo(raw: unknown): ApiInfo {
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { name, version, database } = body;
  if (
    typeof name !== 'string' ||
    typeof version !== 'string' ||
    !DATABASE_KINDS.includes(database as DatabaseKind)
  ) {
    throw new TypeError('Unexpected /api/info body');
  }
  return { name, version, database: database as DatabaseKind };
}
