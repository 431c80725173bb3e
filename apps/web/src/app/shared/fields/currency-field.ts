import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { CURRENCIES } from '../sales/sales-options';

/** Choice of a currency among the common ones: `<app-currency-field [control]="form.controls.currency" />`. */
@Component({
  selector: 'app-currency-field',
  imports: [MatFormFieldModule, MatSelectModule, ReactiveFormsModule, TranslocoDirective],
  providers: [provideTranslocoScope('sales')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field *transloco="let t">
      <mat-label>{{ t('sales.fields.currency') }}</mat-label>
      <mat-select [formControl]="control()">
        @for (c of currencies; track c) {
          <mat-option [value]="c">{{ c }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styleUrl: './field.scss',
})
export class CurrencyField {
  readonly control = input.required<FormControl<string>>();
  protected readonly currencies = CURRENCIES;
}
