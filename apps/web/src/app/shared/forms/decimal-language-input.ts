import {
  Directive,
  EnvironmentProviders,
  OnInit,
  booleanAttribute,
  inject,
  input,
  provideEnvironmentInitializer,
} from '@angular/core';
import { AbstractControl, NgControl } from '@angular/forms';

import { LanguageService } from '../../core/i18n/language.service';
import { decimalInput, readDecimal } from './decimal';
import { forEachDecimalControl, trackDecimalControl } from './decimal-controls';

/**
 * Keeps the decimals of the forms in the UI language: on a switch, a text that reads as a number in
 * the old language is rewritten the new language's way, same digits (`2400,5` → `2400.5`,
 * `1,250.5` → `1250,5`). Without it a French `33,250` (33.25 TND) left in an English form would be
 * read as 33250. Every tracked control is rewritten (decimal-controls.ts), on screen or not, once
 * per switch. In the application's providers (app.config.ts).
 */
export function provideDecimalLanguage(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(LanguageService).switched.subscribe(({ from, to }) =>
      forEachDecimalControl((control) => rewriteDecimal(control, from, to)),
    );
  });
}

/**
 * Marks an input's control as a decimal one for the switch above, for a control without
 * decimalValidator (which tracks its control itself). On every `inputmode="decimal"` input bound to
 * a form control; an input whose inputmode is bound (TextField, reference fields) says
 * `[appDecimalLanguage]="…"` instead.
 */
@Directive({
  selector:
    'input[inputmode="decimal"][formControlName], input[inputmode="decimal"][formControl], input[appDecimalLanguage]',
})
export class DecimalLanguageInput implements OnInit {
  /** False on an input that is not a decimal one this time (a field kind chosen at runtime). */
  readonly appDecimalLanguage = input(true, { transform: booleanAttribute });
  private readonly ngControl = inject(NgControl, { self: true });

  ngOnInit(): void {
    const control = this.ngControl.control;
    if (control && this.appDecimalLanguage()) trackDecimalControl(control);
  }
}

/**
 * The switch on one control: its text read in `from` and written the `to` way (decimalInput, same
 * digits, no grouping), or, when it does not read, left as it is and validated again in `to`.
 * setValue neither marks the control dirty nor touched, and its valueChanges let live totals re-read
 * the text.
 */
export function rewriteDecimal(control: AbstractControl, from: string, to: string): void {
  const text: unknown = control.value;
  const value = typeof text === 'string' ? readDecimal(text, from) : null;
  const rewritten = value === null ? null : decimalInput(value, to);
  if (rewritten !== null && rewritten !== text) control.setValue(rewritten);
  else control.updateValueAndValidity();
}
