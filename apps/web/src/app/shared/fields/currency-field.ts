import { Component, inject, input } from '@angular/core';
import { FormControl } from '@angular/forms';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { CodeListField } from '../reference/code-list-field';
import { IsoLists } from '../reference/iso-lists';

/**
 * Choice of an ISO 4217 currency, searched by code or name ("euro", "EUR"):
 * `<app-currency-field [control]="form.controls.currency" />`. The control holds the code.
 */
@Component({
  selector: 'app-currency-field',
  imports: [CodeListField, TranslocoDirective],
  providers: [provideTranslocoScope('sales')],
  template: `
    <app-code-list-field
      *transloco="let t"
      [control]="control()"
      [choices]="iso.currencies()"
      [label]="t('sales.fields.currency')"
      [testId]="testId()"
    />
  `,
  styleUrl: './field.scss',
})
export class CurrencyField {
  readonly control = input.required<FormControl<string>>();
  readonly testId = input('currency');
  protected readonly iso = inject(IsoLists);
}
