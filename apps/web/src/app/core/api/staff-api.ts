import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { StaffList, StaffMember } from '@velosi/contracts';
import { Observable, map } from 'rxjs';

/** `GET /api/staff`: the people a record can be assigned to (`staff:read`). */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(): Observable<StaffList> {
    return this.http.get<unknown>('/api/staff').pipe(map((raw) => ({ items: parseStaff(raw) })));
  }
}

/** Shape check of what the SPA reads (the API validates its answer with StaffListSchema). */
function parseStaff(raw: unknown): StaffMember[] {
  const items = (raw as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new TypeError('Unexpected /api/staff body');
  return items.filter(
    (m): m is StaffMember =>
      typeof m === 'object' &&
      m !== null &&
      typeof (m as StaffMember).id === 'string' &&
      typeof (m as StaffMember).username === 'string',
  );
}
