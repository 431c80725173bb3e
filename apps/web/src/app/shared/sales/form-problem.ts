import { FormGroup } from '@angular/forms';
import type { FieldError } from '@velosi/contracts';

import { readProblem } from '../../core/http/problem';
import { SERVER_ERROR } from '../forms/form-errors';

/**
 * Puts the API's `errors[]` on the form controls. `aliases` maps an API field path (or its
 * prefix, e.g. `estimatedAnnualValue.amount`) to the control that edits it when the names
 * differ. Returns the errors that fit no control (to show above the buttons).
 */
export function applyApiErrors(
  form: FormGroup,
  error: unknown,
  aliases: Readonly<Record<string, string>> = {},
): FieldError[] {
  const problem = readProblem(error);
  const unmatched: FieldError[] = [];
  for (const fieldError of problem.errors ?? []) {
    const path = fieldError.field;
    const alias =
      aliases[path] ?? aliases[path.split('.').slice(0, 2).join('.')] ?? aliases[path.split('.')[0] ?? ''];
    const control = form.get(alias ?? path.split('.')[0] ?? '') ?? form.get(path);
    if (!control) {
      unmatched.push(fieldError);
      continue;
    }
    control.setErrors({ ...control.errors, [SERVER_ERROR]: fieldError.message });
    control.markAsTouched();
  }
  return unmatched;
}

/** Trimmed text or null (the API refuses empty strings: null clears a field). */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Decimal string as the contracts accept it: up to 12 digits, 3 decimals, no leading zeros. */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,3})?$/;
/** Same, strictly positive (quantities). */
export const QUANTITY_PATTERN = /^(?!0+(\.0+)?$)(0|[1-9]\d{0,11})(\.\d{1,3})?$/;

/** `datetime-local` value ↔ ISO instant (the browser's time zone; the API wants an offset). */
export function localInputToIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
