import { AbstractControl, FormGroup, ValidationErrors } from '@angular/forms';
import { FIELD_CHECKS, FIELD_MESSAGES, type FieldError, type Problem } from '@velosi/contracts';

/** What a `<mat-error>` shows: a translation key with its parameters, or a message from the API. */
export interface ErrorMessage {
  readonly key: string;
  readonly params?: Record<string, unknown>;
  /** Set for an error the API reported on this field (shown as the API worded it). */
  readonly text?: string;
}

/** The API's error codes the SPA words (each has its `validation.<code>` text). */
export const WORDED_CODES: ReadonlySet<string> = new Set([...Object.keys(FIELD_MESSAGES), ...FIELD_CHECKS]);

/** Error key set on a control by applyFieldErrors; its value is the message to show. */
export const SERVER_ERROR = 'server';

/** Message of the first error of a control (validators first, then the API's). */
export function firstError(control: AbstractControl | null | undefined): ErrorMessage | null {
  const errors: ValidationErrors | null | undefined = control?.errors;
  if (!errors) return null;
  // Unreadable date text leaves the control empty, so "required" too: the text is what is wrong.
  if (errors['matDatepickerParse']) return { key: 'validation.matDatepickerParse' };
  if (errors['required']) return { key: 'validation.required' };
  if (errors['email']) return { key: 'validation.email' };
  if (errors['minlength']) {
    return { key: 'validation.minLength', params: { min: errors['minlength'].requiredLength } };
  }
  if (errors['maxlength']) {
    return { key: 'validation.maxLength', params: { max: errors['maxlength'].requiredLength } };
  }
  if (errors['pattern']) return { key: 'validation.pattern' };
  const known = Object.keys(errors).find((name) => name !== SERVER_ERROR);
  if (known) {
    // An error's object value (e.g. `tooManyAddresses: { max }`) is its message's parameters.
    const value: unknown = errors[known];
    return typeof value === 'object' && value !== null
      ? { key: `validation.${known}`, params: value as Record<string, unknown> }
      : { key: `validation.${known}` };
  }
  const server: unknown = errors[SERVER_ERROR];
  return { key: 'validation.server', text: typeof server === 'string' ? server : undefined };
}

/**
 * Puts the API's field errors (problem+json `errors[]`, `field` dot-joined like `roles.0`) on the
 * matching controls and returns those that match no control (to show elsewhere).
 */
export function applyFieldErrors(form: FormGroup, problem: Problem): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of problem.errors ?? []) {
    // The exact control when the form has it (`lines.0.exchangeRate`), else the field's top one.
    const control = form.get(error.field) ?? form.get(error.field.split('.')[0] ?? '');
    if (!control) {
      unmatched.push(error);
      continue;
    }
    // An error the API codes (a bound, a format, a message it always words alike) is shown in the
    // reader's language, as a validator's, with its limit; any other as the API wrote it.
    const key = error.code && WORDED_CODES.has(error.code) ? error.code : null;
    control.setErrors({
      ...control.errors,
      [key ?? SERVER_ERROR]: key ? (error.params ?? true) : error.message,
    });
    control.markAsTouched();
  }
  return unmatched;
}

/** Sets a translated error of our own on a control (e.g. a duplicate username, HTTP 409). */
export function setControlError(control: AbstractControl | null, key: string): void {
  if (!control) return;
  control.setErrors({ ...control.errors, [key]: true });
  control.markAsTouched();
}
