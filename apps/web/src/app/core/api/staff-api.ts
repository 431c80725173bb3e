import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { StaffList, StaffMember } from '@velosi/contracts';
import { Observable, map } from 'rxjs';

/**
 * The people a record can be assigned to: `GET /api/staff` for sales records (`staff:read`),
 * `GET /api/staff/jobs` for job files (`jobs:read`).
 */
export type StaffScope = 'sales' | 'jobs';

const PATHS: Readonly<Record<StaffScope, string>> = { sales: '/api/staff', jobs: '/api/staff/jobs' };

@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(scope: StaffScope = 'sales'): Observable<StaffList> {
    return this.http.get<unknown>(PATHS[scope]).pipe(map((raw) => ({ items: parseStaff(raw) })));
  }
}

/** Shape check of what the SPA reads (the API validates its answer with StaffListSchema). */
function parseStaff(raw: unknown): StaffMember[] {
  const items = (raw as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new TypeError('Unexpected staff directory body');
  return items.filter(
    (m): m is StaffMember =>
      typeof m === 'object' &&
      m !== null &&
      typeof (m as StaffMember).id === 'string' &&
      typeof (m as StaffMember).username === 'string',
  );
}
