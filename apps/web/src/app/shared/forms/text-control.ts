import { AbstractControl, FormControl, ValidationErrors, Validators } from '@angular/forms';

/** A text of at most `max` characters, maybe empty (the body sends it trimmed, or null). */
export function textControl(max: number, value = ''): FormControl<string> {
  return new FormControl(value, { nonNullable: true, validators: [Validators.maxLength(max)] });
}

/**
 * Spaces alone are no text: `required` as for an empty field, since the API trims and refuses an
 * empty one (a reason, a name).
 */
export function notBlank(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  return typeof value === 'string' && value !== '' && value.trim() === '' ? { required: true } : null;
}

/** A required text of at most `max` characters, spaces alone refused (notBlank). */
export function requiredTextControl(max: number, value = ''): FormControl<string> {
  return new FormControl(value, {
    nonNullable: true,
    validators: [Validators.required, notBlank, Validators.maxLength(max)],
  });
}

/** A whole number: a count of packages (`validation.integer` for 2.5; the API wants an integer). */
export function wholeNumber(control: AbstractControl): ValidationErrors | null {
  const value: unknown = control.value;
  return typeof value === 'number' && !Number.isInteger(value) ? { integer: true } : null;
}

/** A count from 0 to `max` (packages), whole, maybe empty. */
export function countControl(max = 1_000_000): FormControl<number | null> {
  return new FormControl<number | null>(null, [Validators.min(0), Validators.max(max), wholeNumber]);
}
