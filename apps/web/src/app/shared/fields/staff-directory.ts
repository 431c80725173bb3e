import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { StaffMember } from '@velosi/contracts';
import { map } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import type { ChipChoice } from './chips-field';

/**
 * The colleagues records can be assigned to (`GET /api/staff`, cached by the API for a minute),
 * loaded once per page on first use and shared by every assignee field. Until it has loaded (or if
 * it fails: the next field opened asks again), `choices` is empty and ids show as they are.
 */
@Injectable({ providedIn: 'root' })
export class StaffDirectory {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  private readonly members = signal<readonly StaffMember[] | null>(null);
  private loading = false;

  /** One choice per colleague: the id, shown by name, found by name or username. */
  readonly choices = computed<ChipChoice[]>(() =>
    (this.members() ?? []).map((m) => ({ value: m.id, label: staffName(m), detail: m.username })),
  );

  load(): void {
    if (this.members() !== null || this.loading) return;
    // Without `staff:read` (OPERATIONS, FINANCE) the API would answer 403: ids then show as they are.
    if (!this.session.can('staff:read')) return;
    this.loading = true;
    this.http
      .get<unknown>('/api/staff')
      .pipe(map(parseStaff))
      .subscribe({
        next: (members) => {
          this.loading = false;
          this.members.set(members);
        },
        error: () => (this.loading = false),
      });
  }
}

/** "Amira Ben Salah", or the username of an account without names. */
export function staffName(member: Pick<StaffMember, 'firstName' | 'lastName' | 'username'>): string {
  return [member.firstName, member.lastName].filter(Boolean).join(' ') || member.username;
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
