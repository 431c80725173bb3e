import { Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { AdminUser } from '@velosi/contracts';

import { readProblem } from '../../../core/http/problem';
import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { PasswordField } from '../../../shared/fields/password-field';
import { applyFieldErrors } from '../../../shared/forms/form-errors';
import { Notifier } from '../../../shared/ui/notifier';
import { PASSWORD_MAX, PASSWORD_MIN } from './user-rules';
import { UsersApi } from './users-api';

/** Sets a new password for a user (temporary by default: they choose their own at next login). */
@Component({
  selector: 'app-reset-password-dialog',
  imports: [FORM_DIALOG_IMPORTS, MatCheckboxModule, PasswordField],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('admin.users.resetPassword.title', { username: user.username }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="reset-password-form">
        <app-form-dialog-body
          submitTestId="reset-password-submit"
          [submitLabel]="t('admin.users.resetPassword.confirm')"
          [saving]="saving()"
        >
          <app-password-field
            class="span-2"
            name="password"
            [control]="form.controls.password"
            [label]="t('admin.users.fields.newPassword')"
            [hint]="t('admin.users.form.passwordHint', { min: minLength })"
          />
          <mat-checkbox class="checkbox-field span-2" formControlName="temporary">
            {{ t('admin.users.fields.temporaryPassword') }}
          </mat-checkbox>
        </app-form-dialog-body>
      </form>
    </ng-container>
  `,
  styleUrl: './user-dialogs.scss',
})
export class ResetPasswordDialog {
  protected readonly user = inject<AdminUser>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ResetPasswordDialog, boolean>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  private readonly notifier = inject(Notifier);

  protected readonly minLength = PASSWORD_MIN;
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)],
    ],
    temporary: [true],
  });

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.api.resetPassword(this.user.id, this.form.getRawValue()).subscribe({
      next: () => {
        this.notifier.success('admin.users.resetPassword.done', { username: this.user.username });
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = readProblem(error);
        const unmatched = applyFieldErrors(this.form, problem);
        if (!problem.errors?.length || unmatched.length) this.notifier.problem(error);
      },
    });
  }
}
