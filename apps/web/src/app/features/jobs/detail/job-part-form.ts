import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import type { JobDetail } from '@velosi/contracts';
import { Observable, firstValueFrom } from 'rxjs';

import { busyRequests } from '../../../shared/detail/busy-requests';
import { applyApiErrors } from '../../../shared/sales/form-problem';
import { ConflictNotifier } from '../../../shared/sales/conflict-notifier';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { Notifier } from '../../../shared/ui/notifier';

/**
 * What the containers, milestones and charges tabs share: the inline form's busy state, the
 * API's field errors put on its controls (a 400 names the field, e.g. `number`), a 409 shown with
 * the usual conflict message, and the delete confirmation. Create it in a field initializer.
 */
export class JobPartSaver {
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly requests = busyRequests();
  readonly busy = this.requests.busy;
  /** Errors of the last save that fit no control of the form. */
  readonly errors = signal<string[]>([]);

  /**
   * `show` puts the job a write answered on the page; `reload` reads it again (the conflict
   * message's Reload).
   */
  constructor(
    private readonly show: (job: JobDetail) => void,
    private readonly reload: () => void,
  ) {}

  save(form: FormGroup, request: Observable<JobDetail>, doneKey: string, done: () => void): void {
    this.errors.set([]);
    this.requests.run(
      request.pipe(takeUntilDestroyed(this.destroyRef)),
      (answer) => {
        this.notifier.success(doneKey);
        done();
        this.show(answer);
      },
      (error) => {
        // A conflict gets its message; anything else is reported by the ConflictNotifier too.
        if (this.conflicts.handle(error, this.reload)) return true;
        const unmatched = applyApiErrors(form, error);
        this.errors.set(unmatched.map((e) => `${e.field}: ${e.message}`));
        return true;
      },
    );
  }

  async remove(
    request: () => Observable<JobDetail>,
    data: ConfirmDialogData,
    doneKey: string,
  ): Promise<void> {
    const ok = await firstValueFrom(
      this.dialog.open(ConfirmDialog, { data: { ...data, destructive: true } }).afterClosed(),
    );
    if (ok !== true) return;
    this.requests.run(
      request(),
      (answer) => {
        this.notifier.success(doneKey);
        this.show(answer);
      },
      (error) => {
        this.conflicts.handle(error, this.reload);
        return true;
      },
    );
  }
}
