import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { Client, ClientDuplicate, ClientUpdate } from '@velosi/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { AssigneesField } from '../../../shared/fields/assignees-field';
import { ControlError } from '../../../shared/fields/control-error';
import { CurrencyField } from '../../../shared/fields/currency-field';
import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { TextField } from '../../../shared/fields/text-field';
import { setControlError } from '../../../shared/forms/form-errors';
import { CodeListField } from '../../../shared/reference/code-list-field';
import { IsoLists } from '../../../shared/reference/iso-lists';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { changedFields } from '../../../shared/sales/form-problem';
import { RecordsHttp } from '../../../shared/sales/records-http';
import { ClientAddressesFields } from './client-addresses-fields';
import { ClientFiscalFields } from './client-fiscal-fields';
import { clientBody, clientForm } from './client-form-model';
import { ClientsApi } from '../clients-api';
import { LanguageService } from '../../../core/i18n/language.service';

export type ClientFormDialogData =
  | { readonly mode: 'create' }
  | { readonly mode: 'edit'; readonly client: Client; readonly reload: () => void };

/** Create or edit a client: identity, fiscal, finance/bank and addresses sections. */
@Component({
  selector: 'app-client-form-dialog',
  imports: [
    FORM_DIALOG_IMPORTS,
    AssigneesField,
    ClientAddressesFields,
    ClientFiscalFields,
    CodeListField,
    ControlError,
    CurrencyField,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TextField,
  ],
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>
        {{ client ? t('clients.form.editTitle', { name: client.name }) : t('clients.form.createTitle') }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-testid="client-form">
        <app-form-dialog-body
          submitTestId="client-form-submit"
          [submitLabel]="client ? t('common.save') : t('sales.actions.create')"
          [submitter]="submitter"
        >
          <h3 class="section-title">{{ t('clients.sections.identity') }}</h3>
          <app-text-field
            class="span-2"
            name="name"
            [label]="t('clients.fields.name')"
            required
            testId="client-name"
          />
          <!-- The Tunisian format's message takes two lines: the field grows to show it. -->
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('clients.fields.fiscalId') }}</mat-label>
            <input matInput formControlName="fiscalId" autocomplete="off" data-testid="client-fiscal-id" />
            @if (form.controls.country.value === 'TN') {
              <mat-hint>{{ t('clients.form.fiscalIdHint') }}</mat-hint>
            }
            <app-control-error
              matError
              [control]="form.controls.fiscalId"
              [messages]="{
                'validation.duplicateTaxId': t('clients.duplicates.taxIdTaken'),
                'validation.server': t('clients.form.fiscalIdInvalid'),
              }"
            />
          </mat-form-field>
          @if (duplicates().length) {
            <div class="span-2 duplicate-warning" role="status" data-testid="client-duplicates">
              @for (d of duplicates(); track d.id) {
                <p>
                  {{
                    t(d.match === 'fiscalId' ? 'clients.duplicates.sameTaxId' : 'clients.duplicates.sameName')
                  }}
                  @if (d.accessible) {
                    <a [routerLink]="['/clients', d.id]" target="_blank" rel="noopener">{{ d.name }}</a>
                  } @else {
                    <strong>{{ d.name }}</strong> ({{ t('clients.duplicates.otherOwner') }})
                  }
                </p>
              }
            </div>
          }
          <app-text-field name="city" [label]="t('clients.fields.city')" />
          <app-text-field class="span-2" name="address" [label]="t('clients.fields.address')" [rows]="2" />
          <app-code-list-field
            [control]="form.controls.country"
            [choices]="iso.countries()"
            [label]="t('clients.fields.country')"
            testId="client-country"
          />
          <app-currency-field [control]="form.controls.currency" />
          <mat-form-field>
            <mat-label>{{ t('clients.fields.language') }}</mat-label>
            <mat-select formControlName="language">
              <mat-option value="fr">Français</mat-option>
              <mat-option value="en">English</mat-option>
            </mat-select>
          </mat-form-field>
          <app-text-field name="phone" [label]="t('clients.fields.phone')" type="tel" />
          <app-text-field
            name="email"
            [label]="t('clients.fields.email')"
            type="email"
            testId="client-email"
          />
          <app-text-field name="website" [label]="t('clients.fields.website')" />
          <app-text-field name="industry" [label]="t('clients.fields.industry')" />
          <app-assignees-field
            class="span-2"
            [control]="form.controls.assignedTo"
            testId="client-assignees"
          />
          <app-client-fiscal-fields [form]="form" [isAdmin]="isAdmin" />
          <app-client-addresses-fields [form]="form" />
        </app-form-dialog-body>
      </form>
    </ng-container>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
})
export class ClientFormDialog {
  private readonly data = inject<ClientFormDialogData>(MAT_DIALOG_DATA);
  private readonly records = inject(RecordsHttp);

  protected readonly client = this.data.mode === 'edit' ? this.data.client : null;
  protected readonly form = clientForm(
    inject(NonNullableFormBuilder),
    this.client,
    inject(LanguageService).active(),
  );
  protected readonly iso = inject(IsoLists);
  /** Credit limit and blocking are ADMIN's (docs/rules.md): shown and sent for ADMIN only. */
  protected readonly isAdmin = inject(SessionStore).me()?.roles.includes('ADMIN') ?? false;

  private readonly api = inject(ClientsApi);

  /**
   * Live clients that look like the one being typed (same tax id or same name once normalised),
   * asked while typing; a taken tax id also marks the field, since the API would refuse it (409).
   */
  protected readonly duplicates = toSignal(
    this.form.valueChanges.pipe(
      startWith(this.form.getRawValue()),
      map(() => ({
        name: this.form.controls.name.value.trim(),
        fiscalId: this.form.controls.fiscalId.value.trim(),
      })),
      distinctUntilChanged((a, b) => a.name === b.name && a.fiscalId === b.fiscalId),
      debounceTime(300),
      switchMap(({ name, fiscalId }) => this.lookAlikes(name, fiscalId)),
      tap((found) => {
        if (found.some((d) => d.match === 'fiscalId')) {
          setControlError(this.form.controls.fiscalId, 'duplicateTaxId');
        }
      }),
    ),
    { initialValue: [] as ClientDuplicate[] },
  );

  private lookAlikes(name: string, fiscalId: string) {
    if (!name && !fiscalId) return of([]);
    return this.api.duplicates({ name, fiscalId, excludeId: this.client?.id ?? null }).pipe(
      map((answer) => answer.items),
      // The warning is a help: when it cannot be fetched the form still works and the API decides.
      catchError(() => of([])),
    );
  }

  protected readonly submitter = new DialogSubmit<Client>(this.form, {
    reload: this.data.mode === 'edit' ? this.data.reload : undefined,
  });

  protected submit(): void {
    this.submitter.run(() => {
      const fields = clientBody(this.form, this.isAdmin);
      return this.data.mode === 'edit'
        ? this.records.update<Client, ClientUpdate>('clients', this.data.client.id, {
            ...changedFields(this.form, fields),
            version: this.data.client.version,
          })
        : this.records.create<Client>('clients', fields);
    });
  }
}
