import { Injectable, computed, inject, signal } from '@angular/core';
import type { StaffMember } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';
import type { ChipChoice } from './chips-field';
import { StaffApi } from '../../core/api/staff-api';

/**
 * The colleagues records can be assigned to (`GET /api/staff`, cached by the API for a minute),
 * loaded once per page on first use and shared by every assignee field. Until it has loaded (or if
 * it fails: the next field opened asks again), `choices` is empty and ids show as they are.
 */
@Injectable({ providedIn: 'root' })
export class StaffDirectory {
  private readonly api = inject(StaffApi);
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
    this.api.list().subscribe({
      next: ({ items }) => {
        this.loading = false;
        this.members.set(items);
      },
      error: () => (this.loading = false),
    });
  }
}

/** "Amira Ben Salah", or the username of an account without names. */
export function staffName(member: Pick<StaffMember, 'firstName' | 'lastName' | 'username'>): string {
  return [member.firstName, member.lastName].filter(Boolean).join(' ') || member.username;
}
