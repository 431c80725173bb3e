import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import type { AdminUser } from '@velosi/contracts';

import { readProblem } from '../../../core/http/problem';
import { applyFieldErrors, firstError } from '../../../shared/forms/form-errors';
import { Notifier } from '../../../shared/ui/notifier';
import { PASSWORD_MAX, PASSWORD_MIN } from './user-rules';
import { UsersApi } from './users-api';

/** Sets a new password for a user (temporary by default: they choose their own at next login). */
@Component({
  selector: 'app-reset-password-dialog',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('admin.users.resetPassword.title', { username: user.username }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="reset-password-form">
        <mat-dialog-content class="form-grid">
          <mat-form-field class="span-2">
            <mat-label>{{ t('admin.users.fields.newPassword') }}</mat-label>
            <input
              matInput
              formControlName="password"
              autocomplete="new-password"
              required
              [type]="passwordHidden() ? 'password' : 'text'"
            />
            <button
              mat-icon-button
              matSuffix
              type="button"
              [attr.aria-label]="t('admin.users.form.showPassword')"
              [attr.aria-pressed]="!passwordHidden()"
              (click)="passwordHidden.set(!passwordHidden())"
            >
              <mat-icon [svgIcon]="passwordHidden() ? 'visibility' : 'visibility_off'" aria-hidden="true" />
            </button>
            <mat-hint>{{ t('admin.users.form.passwordHint', { min: minLength }) }}</mat-hint>
            @if (firstError(form.controls.password); as error) {
              <mat-error>{{ error.text ?? t(error.key, error.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-checkbox class="checkbox-field span-2" formControlName="temporary">
            {{ t('admin.users.fields.temporaryPassword') }}
          </mat-checkbox>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" data-testid="reset-password-submit" [disabled]="saving()">
            {{ t('admin.users.resetPassword.confirm') }}
          </button>
        </mat-dialog-actions>
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
  protected readonly passwordHidden = signal(true);
  protected readonly firstError = firstError;
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
