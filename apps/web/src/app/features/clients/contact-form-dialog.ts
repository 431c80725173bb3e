import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Contact, ContactCreateInput, ContactUpdate, FieldError } from '@velosi/contracts';

import { readProblem } from '../../core/http/problem';
import { firstError } from '../../shared/forms/form-errors';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { applyApiErrors, textOrNull } from '../../shared/sales/form-problem';
import { isConflict } from '../../shared/sales/record-api';
import { Notifier } from '../../shared/ui/notifier';

export type ContactFormDialogData =
  | { readonly mode: 'create'; readonly clientId: string }
  | {
      readonly mode: 'edit';
      readonly clientId: string;
      readonly contact: Contact;
      readonly reload: () => void;
    };

/** Several values typed in one field, one per line or comma-separated. */
function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[\n,;]/)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** Create or edit a contact of a client (`/api/clients/:id/contacts`). */
@Component({
  selector: 'app-contact-form-dialog',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        {{ contact ? t('clients.contacts.editTitle') : t('clients.contacts.createTitle') }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="contact-form">
        <mat-dialog-content class="form-grid">
          <mat-form-field>
            <mat-label>{{ t('clients.contacts.firstName') }}</mat-label>
            <input matInput formControlName="firstName" autocomplete="off" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.contacts.lastName') }}</mat-label>
            <input
              matInput
              formControlName="lastName"
              required
              autocomplete="off"
              data-testid="contact-lastName"
            />
            @if (firstError(form.controls.lastName); as e) {
              <mat-error>{{ e.text ?? t(e.key, e.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field class="span-2">
            <mat-label>{{ t('clients.contacts.position') }}</mat-label>
            <input matInput formControlName="position" autocomplete="off" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.contacts.phones') }}</mat-label>
            <textarea matInput formControlName="phones" rows="2"></textarea>
            <mat-hint>{{ t('clients.contacts.listHint') }}</mat-hint>
            @if (firstError(form.controls.phones); as e) {
              <mat-error>{{ e.text ?? t(e.key, e.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.contacts.emails') }}</mat-label>
            <textarea matInput formControlName="emails" rows="2" data-testid="contact-emails"></textarea>
            <mat-hint>{{ t('clients.contacts.listHint') }}</mat-hint>
            @if (firstError(form.controls.emails); as e) {
              <mat-error>{{ e.text ?? t(e.key, e.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-checkbox formControlName="isPrimary">{{ t('clients.contacts.isPrimary') }}</mat-checkbox>
          @for (e of otherErrors(); track e.field) {
            <p class="form-error" role="alert">{{ e.field }} : {{ e.message }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" data-testid="contact-form-submit" [disabled]="saving()">
            {{ contact ? t('common.save') : t('sales.actions.create') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class ContactFormDialog {
  private readonly data = inject<ContactFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ContactFormDialog, Contact>>(MatDialogRef);
  private readonly http = inject(HttpClient);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly notifier = inject(Notifier);

  protected readonly contact = this.data.mode === 'edit' ? this.data.contact : null;
  protected readonly saving = signal(false);
  protected readonly otherErrors = signal<FieldError[]>([]);
  protected readonly firstError = firstError;
  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: [this.contact?.firstName ?? '', [Validators.maxLength(100)]],
    lastName: [this.contact?.lastName ?? '', [Validators.required, Validators.maxLength(100)]],
    position: [this.contact?.position ?? '', [Validators.maxLength(100)]],
    phones: [(this.contact?.phones ?? []).join('\n')],
    emails: [(this.contact?.emails ?? []).join('\n')],
    isPrimary: [this.contact?.isPrimary ?? false],
  });

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const fields: ContactCreateInput = {
      firstName: textOrNull(v.firstName),
      lastName: v.lastName.trim(),
      position: textOrNull(v.position),
      phones: splitList(v.phones),
      emails: splitList(v.emails),
      isPrimary: v.isPrimary,
    };
    const base = `/api/clients/${encodeURIComponent(this.data.clientId)}/contacts`;
    const request =
      this.data.mode === 'edit'
        ? this.http.patch<Contact>(`${base}/${encodeURIComponent(this.data.contact.id)}`, {
            ...fields,
            version: this.data.contact.version,
          } satisfies ContactUpdate)
        : this.http.post<Contact>(base, fields);
    this.saving.set(true);
    this.otherErrors.set([]);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        if (isConflict(error) && this.data.mode === 'edit') {
          this.conflicts.showConflict(this.data.reload);
          this.dialogRef.close();
          return;
        }
        this.otherErrors.set(applyApiErrors(this.form, error));
        if (!readProblem(error).errors?.length) this.notifier.problem(error);
      },
    });
  }
}
