import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { CLIENT_CATEGORIES, CLIENT_TYPES, VAT_REGIMES } from '@velosi/contracts';

import { ControlError } from '../../shared/fields/control-error';
import { DateField } from '../../shared/fields/date-field';
import type { ClientForm } from './client-form-model';

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
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let f = form().controls;
    <ng-container *transloco="let t; prefix: 'clients'">
      <h3 class="section-title">{{ t('sections.fiscal') }}</h3>
      <mat-form-field class="span-2">
        <mat-label>{{ t('fields.legalName') }}</mat-label>
        <input matInput [formControl]="f.legalName" autocomplete="off" data-testid="client-legal-name" />
        <app-control-error matError [control]="f.legalName" />
      </mat-form-field>
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
      <mat-form-field>
        <mat-label>{{ t('fields.customsCode') }}</mat-label>
        <input matInput [formControl]="f.customsCode" autocomplete="off" />
        <app-control-error matError [control]="f.customsCode" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('fields.vatRegime') }}</mat-label>
        <mat-select [formControl]="f.vatRegime" data-testid="client-vat-regime">
          @for (r of regimes; track r) {
            <mat-option [value]="r">{{ t('vatRegime.' + r) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (f.vatRegime.value === 'suspended') {
        <mat-form-field>
          <mat-label>{{ t('fields.vatSuspensionNumber') }}</mat-label>
          <input
            matInput
            [formControl]="f.vatSuspensionNumber"
            autocomplete="off"
            data-testid="client-vat-number"
          />
          <app-control-error matError [control]="f.vatSuspensionNumber" />
        </mat-form-field>
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
        <mat-form-field>
          <mat-label>{{ t('fields.creditLimit') }}</mat-label>
          <input matInput inputmode="decimal" [formControl]="f.creditLimit" autocomplete="off" />
          <app-control-error matError [control]="f.creditLimit" />
        </mat-form-field>
        <mat-checkbox [formControl]="f.blocked" data-testid="client-blocked">{{
          t('fields.blocked')
        }}</mat-checkbox>
        @if (f.blocked.value) {
          <mat-form-field class="span-2">
            <mat-label>{{ t('fields.blockedReason') }}</mat-label>
            <input matInput [formControl]="f.blockedReason" autocomplete="off" />
            <app-control-error matError [control]="f.blockedReason" />
          </mat-form-field>
        }
      }
      <mat-form-field>
        <mat-label>{{ t('fields.bankName') }}</mat-label>
        <input matInput [formControl]="f.bankName" autocomplete="off" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('fields.bankAccount') }}</mat-label>
        <input matInput [formControl]="f.bankAccount" autocomplete="off" data-testid="client-bank-account" />
        <app-control-error matError [control]="f.bankAccount" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('fields.swift') }}</mat-label>
        <input matInput [formControl]="f.swift" autocomplete="off" class="upper" data-testid="client-swift" />
        <app-control-error matError [control]="f.swift" />
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ t('fields.accountingAccount') }}</mat-label>
        <input matInput [formControl]="f.accountingAccount" autocomplete="off" />
        <app-control-error matError [control]="f.accountingAccount" />
      </mat-form-field>
    </ng-container>
  `,
  styleUrl: '../../shared/sales/form-dialog.scss',
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
