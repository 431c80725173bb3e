import { Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { provideTranslocoScope } from '@jsverse/transloco';

import { CurrencyField } from './currency-field';
import { ControlError } from './control-error';
import { DecimalLanguageInput } from '../forms/decimal-language-input';

/**
 * An amount (decimal string, French or English, validated by the form with decimalValidator) and its currency, side by
 * side in one grid cell: `<app-money-field [amount]="form.controls.valueAmount"
 * [currency]="form.controls.valueCurrency" [label]="t('…')" testId="lead-value" />`.
 */
@Component({
  selector: 'app-money-field',
  imports: [
    DecimalLanguageInput,
    CurrencyField,
    ControlError,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
  ],
  providers: [provideTranslocoScope('sales')],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        inputmode="decimal"
        autocomplete="off"
        [formControl]="amount()"
        [attr.data-testid]="testId()"
      />
      <app-control-error matError [control]="amount()" />
    </mat-form-field>
    <app-currency-field [control]="currency()" />
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      gap: 8px;
      min-width: 0;
    }
  `,
})
export class MoneyField {
  readonly amount = input.required<FormControl<string>>();
  readonly currency = input.required<FormControl<string>>();
  /** The amount's label, translated. */
  readonly label = input.required<string>();
  readonly testId = input<string>();
}
