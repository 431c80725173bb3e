import { Component, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { AdminUser, CreateUser, Problem, Role, UpdateUser } from '@velosi/contracts';
import { Observable } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { readProblem } from '../../../core/http/problem';
import { ControlError } from '../../../shared/fields/control-error';
import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { PasswordField } from '../../../shared/fields/password-field';
import { applyFieldErrors, setControlError } from '../../../shared/forms/form-errors';
import { Notifier } from '../../../shared/ui/notifier';
import { ROLES } from './role-options';
import {
  EMAIL_MAX,
  NAME_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PHONE_MAX,
  TITLE_MAX,
  USERNAME_PATTERN,
} from './user-rules';
import { SelectField } from '../../../shared/fields/select-field';
import { TextField } from '../../../shared/fields/text-field';
import { UsersApi } from './users-api';

export type UserFormDialogData =
  { readonly mode: 'create' } | { readonly mode: 'edit'; readonly user: AdminUser };

/** One's own ADMIN role stays (UsersService refuses to remove it). */
function keepsOwnAdminRole(control: AbstractControl<readonly Role[]>): ValidationErrors | null {
  return control.value.includes('ADMIN') ? null : { ownAdminRole: true };
}

/**
 * Create a user (username, names, e-mail, roles, initial password) or edit one (names, e-mail,
 * roles, enabled, profile). Closes with the saved user. API field errors land on their fields;
 * a duplicate username or e-mail (409) says so on the field.
 */
@Component({
  selector: 'app-user-form-dialog',
  imports: [
    FORM_DIALOG_IMPORTS,
    ControlError,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    PasswordField,
    SelectField,
    TextField,
  ],
  templateUrl: './user-form-dialog.html',
  styleUrl: './user-dialogs.scss',
})
export class UserFormDialog {
  private readonly data = inject<UserFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserFormDialog, AdminUser>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  private readonly notifier = inject(Notifier);

  protected readonly roles: readonly Role[] = ROLES;
  protected readonly isCreate = this.data.mode === 'create';
  protected readonly editedUser = this.data.mode === 'edit' ? this.data.user : null;
  /**
   * Editing one's own account: the API refuses to disable it or to remove its ADMIN role (someone
   * must stay able to administer), so the form says so on the field instead of a refusal after saving.
   */
  protected readonly isSelf =
    this.editedUser !== null && this.editedUser.id === inject(SessionStore).me()?.sub;
  protected readonly saving = signal(false);
  protected readonly passwordMin = PASSWORD_MIN;

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [
      { value: this.editedUser?.username ?? '', disabled: !this.isCreate },
      [Validators.required, Validators.pattern(USERNAME_PATTERN)],
    ],
    firstName: [this.editedUser?.firstName ?? '', [Validators.required, Validators.maxLength(NAME_MAX)]],
    lastName: [this.editedUser?.lastName ?? '', [Validators.required, Validators.maxLength(NAME_MAX)]],
    email: [
      this.editedUser?.email ?? '',
      [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX)],
    ],
    roles: [
      [...(this.editedUser?.roles ?? [])] as Role[],
      [Validators.required, ...(this.isSelf ? [keepsOwnAdminRole] : [])],
    ],
    enabled: [this.editedUser?.enabled ?? true],
    password: [
      { value: '', disabled: !this.isCreate },
      [Validators.required, Validators.minLength(PASSWORD_MIN), Validators.maxLength(PASSWORD_MAX)],
    ],
    // Temporary by default: the user chooses their own password at first login.
    temporaryPassword: [{ value: true, disabled: !this.isCreate }],
    phone: [this.editedUser?.profile.phone ?? '', [Validators.maxLength(PHONE_MAX)]],
    title: [this.editedUser?.profile.title ?? '', [Validators.maxLength(TITLE_MAX)]],
    isSupervisor: [this.editedUser?.profile.isSupervisor ?? false],
  });

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const request = this.request();
    if (!request) {
      this.dialogRef.close(); // nothing changed
      return;
    }
    this.saving.set(true);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.showProblem(error);
      },
    });
  }

  private request(): Observable<AdminUser> | null {
    const value = this.form.getRawValue();
    if (!this.editedUser) {
      const body: CreateUser = {
        username: value.username.trim().toLowerCase(),
        firstName: value.firstName.trim(),
        lastName: value.lastName.trim(),
        email: value.email.trim(),
        roles: value.roles,
        enabled: true,
        password: value.password,
        temporaryPassword: value.temporaryPassword,
        ...(value.phone.trim() ? { phone: value.phone.trim() } : {}),
        ...(value.title.trim() ? { title: value.title.trim() } : {}),
      };
      return this.api.create(body);
    }
    // PATCH semantics: only what the administrator changed (a field never filled in Keycloak
    // does not block editing the others).
    const changed = this.form.controls;
    const body: UpdateUser = {
      ...(changed.firstName.dirty ? { firstName: value.firstName.trim() } : {}),
      ...(changed.lastName.dirty ? { lastName: value.lastName.trim() } : {}),
      ...(changed.email.dirty ? { email: value.email.trim() } : {}),
      ...(changed.roles.dirty ? { roles: value.roles } : {}),
      ...(changed.enabled.dirty ? { enabled: value.enabled } : {}),
      ...(changed.phone.dirty ? { phone: value.phone.trim() || null } : {}),
      ...(changed.title.dirty ? { title: value.title.trim() || null } : {}),
      ...(changed.isSupervisor.dirty ? { isSupervisor: value.isSupervisor } : {}),
    };
    return Object.keys(body).length ? this.api.update(this.editedUser.id, body) : null;
  }

  private showProblem(error: unknown): void {
    const problem = readProblem(error);
    if (problem.status === 409 && this.markDuplicate(problem)) return;
    const unmatched = applyFieldErrors(this.form, problem);
    if (!problem.errors?.length || unmatched.length) this.notifier.problem(error);
  }

  /**
   * A 409 naming the username or the e-mail (in `errors[]`, else in its text) is a duplicate, shown
   * on that field. Other conflicts (e.g. disabling one's own account) go to the snack bar.
   */
  private markDuplicate(problem: Problem): boolean {
    const text = `${problem.title} ${problem.detail ?? ''}`;
    const field =
      problem.errors?.[0]?.field ??
      (/e-?mail/i.test(text) ? 'email' : /user\s*name/i.test(text) ? 'username' : null);
    if (field === 'email') setControlError(this.form.controls.email, 'duplicateEmail');
    else if (field === 'username' && this.isCreate)
      setControlError(this.form.controls.username, 'duplicateUsername');
    else return false;
    return true;
  }
}
