import { Injectable, computed, inject, signal, type Provider } from '@angular/core';
import type { Permission, StaffMember } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';
import type { ChipChoice } from './chips-field';
import { StaffApi, type StaffScope } from '../../core/api/staff-api';

/**
 * The colleagues records can be assigned to (`GET /api/staff`, cached by the API for a minute),
 * loaded once per page on first use and shared by every assignee field. Until it has loaded (or if
 * it fails: the next field opened asks again), `choices` is empty and ids show as they are.
 * Job pages swap in the operations directory (`provideJobStaff`).
 */
@Injectable({ providedIn: 'root' })
export class StaffDirectory {
  private readonly api = inject(StaffApi);
  private readonly session = inject(SessionStore);
  private readonly members = signal<readonly StaffMember[] | null>(null);
  private loading = false;
  protected readonly scope: StaffScope = 'sales';
  protected readonly permission: Permission = 'staff:read';

  /** One choice per colleague: the id, shown by name, found by name or username. */
  readonly choices = computed<ChipChoice[]>(() =>
    (this.members() ?? []).map((m) => ({ value: m.id, label: staffName(m), detail: m.username })),
  );

  /** Whether the signed-in user may read this directory (else the API would answer 403). */
  allowed(): boolean {
    return this.session.can(this.permission);
  }

  load(): void {
    if (this.members() !== null || this.loading) return;
    // Without the permission ids show as they are rather than causing a failing request.
    if (!this.allowed()) return;
    this.loading = true;
    this.api.list(this.scope).subscribe({
      next: ({ items }) => {
        this.loading = false;
        this.members.set(items);
      },
      error: () => (this.loading = false),
    });
  }
}

/** The operations staff (and ADMIN) a job file can be assigned to: `GET /api/staff/jobs`. */
@Injectable({ providedIn: 'root' })
export class JobStaffDirectory extends StaffDirectory {
  protected override readonly scope: StaffScope = 'jobs';
  protected override readonly permission: Permission = 'jobs:read';
}

/**
 * Providers of the job routes: their assignee fields, filters and `ownerNames` read the job
 * directory instead of the sales one.
 */
export function provideJobStaff(): Provider[] {
  return [{ provide: StaffDirectory, useExisting: JobStaffDirectory }];
}

/** "Amira Ben Salah", or the username of an account without names. */
export function staffName(member: Pick<StaffMember, 'firstName' | 'lastName' | 'username'>): string {
  return [member.firstName, member.lastName].filter(Boolean).join(' ') || member.username;
}
