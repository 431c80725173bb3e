import { HttpErrorResponse, HttpParams } from '@angular/common/http';
import { PROBLEM_TYPES } from '@velosi/contracts';

/** `{ items, total, page, pageSize }`: every list of the API (docs/rules.md). */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** Shape check of a page (the API validates its output against the contracts). */
export function parsePage<T>(raw: unknown): Page<T> {
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { items, total, page, pageSize } = body;
  if (!Array.isArray(items) || typeof total !== 'number' || typeof page !== 'number') {
    throw new TypeError('Unexpected list body');
  }
  return {
    items: items as T[],
    total,
    page,
    pageSize: typeof pageSize === 'number' ? pageSize : items.length,
  };
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** Query parameters without the empty ones (the API rejects `status=` as an invalid value). */
export function listParams(values: Record<string, QueryValue>): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params = params.set(key, value.join(','));
    } else {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/**
 * What a 409 says (packages/contracts/src/problem.ts): `stale` — the record changed since it was
 * read (reload and retry); `invalidState` — the action does not fit the record's state (reloading
 * changes nothing, the API's detail says why); `duplicate` — a unique value is taken. A 409 without
 * a known problem type counts as stale, the safe reading (the user reloads).
 */
export type ConflictKind = 'stale' | 'invalidState' | 'duplicate';

/** The kind of a 409 answer, or null for any other error. */
export function conflictKind(error: unknown): ConflictKind | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409) return null;
  const type = (error.error as { type?: unknown } | null)?.type;
  if (type === PROBLEM_TYPES.invalidState) return 'invalidState';
  if (type === PROBLEM_TYPES.duplicate) return 'duplicate';
  return 'stale';
}

/** A stale `version` (someone saved the record in the meantime), not a refused action. */
export function isConflict(error: unknown): boolean {
  return conflictKind(error) === 'stale';
}

/** Record types with a timeline (`GET /api/<type>/:id/timeline`). */
export type TimelineRecordType = 'leads' | 'opportunities' | 'clients' | 'quotes' | 'jobs';

/** Record types sharing the generic routes (get, create, PATCH, archive, restore). */
export type RecordType = TimelineRecordType | 'activities';
