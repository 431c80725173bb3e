import { FormControl, Validators } from '@angular/forms';

import { AMOUNT_PATTERN, RATE_PATTERN } from '../sales/form-problem';
import { decimalValidator } from './decimal';

// The decimal controls of a line priced by one unit price (job charges, invoice lines, supplier
// invoices): typed the French or English way, checked against the contracts' shapes, so a wrong
// value is marked on its field before anything is sent.

/** A quantity: required, more than zero. */
export function quantityControl(value = '1'): FormControl<string> {
  return new FormControl(value, {
    nonNullable: true,
    validators: [Validators.required, decimalValidator(AMOUNT_PATTERN, { strictlyPositive: true })],
  });
}

/** An amount — a unit price, a line's amount (zero allowed: a line offered free). */
export function amountControl(value = ''): FormControl<string> {
  return new FormControl(value, {
    nonNullable: true,
    validators: [Validators.required, decimalValidator(AMOUNT_PATTERN)],
  });
}

/** TND per unit of the line's currency: required, more than zero. */
export function rateControl(value = '1'): FormControl<string> {
  return new FormControl(value, {
    nonNullable: true,
    validators: [Validators.required, decimalValidator(RATE_PATTERN, { strictlyPositive: true })],
  });
}
