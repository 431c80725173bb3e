import { Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { CLIENT_CATEGORIES, CLIENT_TYPES, VAT_REGIMES } from '@velosi/contracts';

import { ControlError } from '../../../shared/fields/control-error';
import { DateField } from '../../../shared/fields/dates/date-field';
import type { ClientForm } from './client-form-model';
import { TextField } from '../../../shared/fields/text-field';
import { SelectField } from '../../../shared/fields/select-field';

/**
 * The fiscal and finance/bank sections of the client form, laid out on the dialog's grid (the
 * host is `display: contents`). Credit limit and blocking show for ADMIN only (docs/rules.md).
 */
@Component({
  selector: 'app-client-fiscal-fields',
  imports: [
    ControlError,
    DateField,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    SelectField,
    TextField,
    TranslocoDirective,
  ],
  template: `
    @let f = form().controls;
    <ng-container *transloco="let t; prefix: 'clients'">
      <h3 class="section-title">{{ t('sections.fiscal') }}</h3>
      <app-text-field
        class="span-2"
        [control]="f.legalName"
        [label]="t('fields.legalName')"
        testId="client-legal-name"
      />
      <mat-form-field>
        <mat-label>{{ t('fields.category') }}</mat-label>
        <mat-select [formControl]="f.category" data-testid="client-category">
          <mat-option value="">—</mat-option>
          @for (c of categories; track c) {
            <mat-option [value]="c">{{ t('category.' + c) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('fields.clientType') }}</mat-label>
        <mat-select [formControl]="f.clientType" data-testid="client-type">
          <mat-option value="">—</mat-option>
          @for (c of types; track c) {
            <mat-option [value]="c">{{ t('clientType.' + c) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <app-text-field [control]="f.customsCode" [label]="t('fields.customsCode')" />
      <app-select-field
        [control]="f.vatRegime"
        [label]="t('fields.vatRegime')"
        testId="client-vat-regime"
        [options]="regimes"
        optionKey="clients.vatRegime."
      />
      @if (f.vatRegime.value === 'suspended') {
        <app-text-field
          [control]="f.vatSuspensionNumber"
          [label]="t('fields.vatSuspensionNumber')"
          testId="client-vat-number"
        />
        <app-date-field
          [control]="f.vatSuspensionIssuedOn"
          [label]="t('fields.vatSuspensionIssuedOn')"
          testId="client-vat-issued"
        />
        <app-date-field
          [control]="f.vatSuspensionExpiresOn"
          [label]="t('fields.vatSuspensionExpiresOn')"
          testId="client-vat-expires"
        />
      }
      <mat-checkbox class="span-2" [formControl]="f.stampDutyExempt">{{
        t('fields.stampDutyExempt')
      }}</mat-checkbox>

      <h3 class="section-title">{{ t('sections.finance') }}</h3>
      <mat-form-field>
        <mat-label>{{ t('fields.paymentTermsDays') }}</mat-label>
        <input matInput inputmode="numeric" [formControl]="f.paymentTermsDays" autocomplete="off" />
        <app-control-error matError [control]="f.paymentTermsDays" />
      </mat-form-field>
      <mat-checkbox [formControl]="f.paymentTermsEndOfMonth">{{
        t('fields.paymentTermsEndOfMonth')
      }}</mat-checkbox>
      @if (isAdmin()) {
        <app-text-field [control]="f.creditLimit" [label]="t('fields.creditLimit')" inputmode="decimal" />
        <mat-checkbox [formControl]="f.blocked" data-testid="client-blocked">{{
          t('fields.blocked')
        }}</mat-checkbox>
        @if (f.blocked.value) {
          <app-text-field class="span-2" [control]="f.blockedReason" [label]="t('fields.blockedReason')" />
        }
      }
      <app-text-field [control]="f.bankName" [label]="t('fields.bankName')" />
      <app-text-field
        [control]="f.bankAccount"
        [label]="t('fields.bankAccount')"
        testId="client-bank-account"
      />
      <mat-form-field>
        <mat-label>{{ t('fields.swift') }}</mat-label>
        <input matInput [formControl]="f.swift" autocomplete="off" class="upper" data-testid="client-swift" />
        <app-control-error matError [control]="f.swift" />
      </mat-form-field>
      <app-text-field [control]="f.accountingAccount" [label]="t('fields.accountingAccount')" />
    </ng-container>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
  styles: `
    :host {
      display: contents;
    }
    .upper {
      text-transform: uppercase;
    }
    mat-checkbox {
      align-self: center;
    }
  `,
})
export class ClientFiscalFields {
  readonly form = input.required<ClientForm>();
  readonly isAdmin = input(false);
  protected readonly categories = CLIENT_CATEGORIES;
  protected readonly types = CLIENT_TYPES;
  protected readonly regimes = VAT_REGIMES;
}
