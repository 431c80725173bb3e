import { HttpErrorResponse, HttpParams } from '@angular/common/http';

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

/** A stale `version` (someone saved the record in the meantime). */
export function isConflict(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 409;
}

/** Record types with a timeline (`GET /api/<type>/:id/timeline`). */
export type TimelineRecordType = 'leads' | 'opportunities' | 'clients' | 'quotes' | 'jobs';

/** Record types sharing the generic routes (get, create, PATCH, archive, restore). */
export type RecordType = TimelineRecordType | 'activities';
