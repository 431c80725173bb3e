import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import type {
  Client,
  ClientCreateInput,
  ClientUpdate,
  DocumentLanguage,
  FieldError,
} from '@velosi/contracts';

import { readProblem } from '../../core/http/problem';
import { firstError } from '../../shared/forms/form-errors';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { applyApiErrors, textOrNull } from '../../shared/sales/form-problem';
import { isConflict } from '../../shared/sales/record-api';
import { RecordsHttp } from '../../shared/sales/records-http';
import { CURRENCIES } from '../../shared/sales/sales-options';
import { Notifier } from '../../shared/ui/notifier';

export type ClientFormDialogData =
  | { readonly mode: 'create' }
  | { readonly mode: 'edit'; readonly client: Client; readonly reload: () => void };

/** Create or edit a client (minimal fields; the reference-data issue completes them). */
@Component({
  selector: 'app-client-form-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        {{ client ? t('clients.form.editTitle', { name: client.name }) : t('clients.form.createTitle') }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="client-form">
        <mat-dialog-content class="form-grid">
          <mat-form-field class="span-2">
            <mat-label>{{ t('clients.fields.name') }}</mat-label>
            <input matInput formControlName="name" required autocomplete="off" data-testid="client-name" />
            @if (firstError(form.controls.name); as e) {
              <mat-error>{{ e.text ?? t(e.key, e.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.fields.fiscalId') }}</mat-label>
            <input matInput formControlName="fiscalId" autocomplete="off" />
            @if (firstError(form.controls.fiscalId); as e) {
              <mat-error>{{ e.text ?? t(e.key, e.params) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.fields.city') }}</mat-label>
            <input matInput formControlName="city" autocomplete="off" />
          </mat-form-field>
          <mat-form-field class="span-2">
            <mat-label>{{ t('clients.fields.address') }}</mat-label>
            <textarea matInput formControlName="address" rows="2"></textarea>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.fields.country') }}</mat-label>
            <input matInput formControlName="country" maxlength="2" autocomplete="off" />
            @if (firstError(form.controls.country); as e) {
              <mat-error>{{
                e.key === 'validation.pattern'
                  ? t('clients.form.countryHint')
                  : (e.text ?? t(e.key, e.params))
              }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.fields.currency') }}</mat-label>
            <mat-select formControlName="currency">
              @for (c of currencies; track c) {
                <mat-option [value]="c">{{ c }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('clients.fields.language') }}</mat-label>
            <mat-select formControlName="language">
              <mat-option value="fr">Français</mat-option>
              <mat-option value="en">English</mat-option>
            </mat-select>
          </mat-form-field>
          @for (e of otherErrors(); track e.field) {
            <p class="form-error" role="alert">{{ e.field }} : {{ e.message }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
          <button mat-flat-button type="submit" data-testid="client-form-submit" [disabled]="saving()">
            {{ client ? t('common.save') : t('sales.actions.create') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class ClientFormDialog {
  private readonly data = inject<ClientFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ClientFormDialog, Client>>(MatDialogRef);
  private readonly records = inject(RecordsHttp);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly notifier = inject(Notifier);

  protected readonly client = this.data.mode === 'edit' ? this.data.client : null;
  protected readonly saving = signal(false);
  protected readonly otherErrors = signal<FieldError[]>([]);
  protected readonly firstError = firstError;
  protected readonly currencies = CURRENCIES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.client?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    fiscalId: [this.client?.fiscalId ?? '', [Validators.maxLength(50)]],
    address: [this.client?.address ?? '', [Validators.maxLength(500)]],
    city: [this.client?.city ?? '', [Validators.maxLength(100)]],
    country: [this.client?.country ?? 'TN', [Validators.required, Validators.pattern(/^[A-Z]{2}$/)]],
    currency: [this.client?.currency ?? 'TND'],
    language: [(this.client?.language ?? 'fr') as DocumentLanguage],
  });

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const fields: ClientCreateInput = {
      name: v.name.trim(),
      fiscalId: textOrNull(v.fiscalId),
      address: textOrNull(v.address),
      city: textOrNull(v.city),
      country: v.country,
      currency: v.currency,
      language: v.language,
    };
    let request;
    if (this.data.mode === 'edit') {
      const body: Record<string, unknown> = {};
      for (const key of Object.keys(fields) as (keyof typeof fields & keyof typeof this.form.controls)[]) {
        if (this.form.controls[key].dirty) body[key] = fields[key];
      }
      request = this.records.update<Client, ClientUpdate>('clients', this.data.client.id, {
        ...(body as Omit<ClientUpdate, 'version'>),
        version: this.data.client.version,
      });
    } else {
      request = this.records.create<Client>('clients', fields);
    }
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
