import { AbstractControl } from '@angular/forms';

import { ErrorMessage, firstError } from '../../shared/forms/form-errors';

/**
 * The error message of a quote form control: the shared messages, except those whose wording is
 * specific to the quote fields (the shared `pattern` text describes usernames).
 * `patternKey` names what a pattern failure means on this field (`decimal`, `code` …).
 */
export function fieldError(
  control: AbstractControl | null | undefined,
  patternKey = 'decimal',
): ErrorMessage | null {
  const errors = control?.errors;
  if (!errors) return null;
  if (errors['required']) return { key: 'validation.required' };
  if (errors['pattern'] || errors['decimal']) return { key: `quotes.validation.${patternKey}` };
  if (errors['positive']) return { key: 'quotes.validation.positive' };
  if (errors['min']) return { key: 'quotes.validation.min', params: { min: errors['min'].min } };
  if (errors['max']) return { key: 'quotes.validation.max', params: { max: errors['max'].max } };
  if (errors['etaBeforeEtd']) return { key: 'quotes.validation.etaBeforeEtd' };
  return firstError(control);
}
