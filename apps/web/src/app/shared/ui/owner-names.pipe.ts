import { Pipe, PipeTransform, inject } from '@angular/core';

import { StaffDirectory } from '../fields/staff-directory';

/**
 * `{{ record.assignedTo | ownerNames }}` — the assignees by name ("Amira Ben Salah, Karim Jaziri"),
 * from the staff directory (loaded once; the job one on job pages). Users who may not read the
 * directory see nothing rather than ids, and cause no failing request. Impure: it follows the
 * directory's loading.
 */
@Pipe({ name: 'ownerNames', pure: false })
export class OwnerNamesPipe implements PipeTransform {
  private readonly directory = inject(StaffDirectory);
  private readonly allowed = this.directory.allowed();

  transform(ids: readonly string[] | null | undefined): string {
    if (!this.allowed || !ids?.length) return '';
    this.directory.load();
    const names = new Map(this.directory.choices().map((c) => [c.value, c.label]));
    return ids
      .map((id) => names.get(id))
      .filter(Boolean)
      .join(', ');
  }
}
