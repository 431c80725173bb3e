import { inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import type { FieldError } from '@velosi/contracts';
import { Observable } from 'rxjs';

import { readProblem } from '../../core/http/problem';
import { invalidFieldFocus } from '../forms/focus-invalid';
import { guardDialogClose } from '../forms/unsaved-changes';
import { Notifier } from '../ui/notifier';
import { ConflictNotifier } from './conflict-notifier';
import { applyApiErrors, type WordedApiError } from './form-problem';
import { isConflict } from './record-api';

export interface DialogSubmitOptions {
  /** API field paths → controls with another name (see applyApiErrors). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** API errors shown in the user's language on their control (see applyApiErrors). */
  readonly worded?: readonly WordedApiError[];
  /**
   * Given when the dialog edits a versioned record: a 409 (stale version) then closes the dialog
   * and the snack bar offers this reload, since nothing can be saved from the dialog any more.
   */
  readonly reload?: () => void;
}

/**
 * The submit of a sales form dialog: validates the form, sends the request once at a time, closes
 * the dialog with the answer, and on failure puts the API's field errors on the controls
 * (`otherErrors` keeps those no control shows) or, without any, the problem in the snack bar.
 * Escape or a click outside asks before discarding typed changes.
 * Create it in a field initializer (it injects the dialog):
 * `protected readonly submitter = new DialogSubmit<Lead>(this.form, { aliases, reload });`
 */
export class DialogSubmit<R> {
  private readonly dialogRef = inject<MatDialogRef<unknown, R>>(MatDialogRef);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly notifier = inject(Notifier);
  private readonly busy = signal(false);
  private readonly unmatched = signal<FieldError[]>([]);
  private readonly focusInvalid = invalidFieldFocus();

  readonly saving = this.busy.asReadonly();
  readonly otherErrors = this.unmatched.asReadonly();

  constructor(
    private readonly form: FormGroup,
    private readonly options: DialogSubmitOptions = {},
  ) {
    guardDialogClose(this.dialogRef, inject(MatDialog), () => this.form.dirty && !this.busy());
  }

  /** `request` is only built once the form is valid. */
  run(request: () => Observable<R>): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusInvalid();
      return;
    }
    const sent = request();
    this.busy.set(true);
    this.unmatched.set([]);
    sent.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.busy.set(false);
        const reload = this.options.reload;
        if (reload && isConflict(error)) {
          this.conflicts.showConflict(reload);
          this.dialogRef.close();
          return;
        }
        this.unmatched.set(applyApiErrors(this.form, error, this.options.aliases, this.options.worded));
        this.focusInvalid();
        if (!readProblem(error).errors?.length) this.notifier.problem(error);
      },
    });
  }
}
