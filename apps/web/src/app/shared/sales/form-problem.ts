import { FormGroup } from '@angular/forms';
import type { FieldError, Money } from '@velosi/contracts';

import { readProblem } from '../../core/http/problem';
import { decimalOrNull } from '../forms/decimal';
import { applyFieldErrors, setControlError } from '../forms/form-errors';

/**
 * An API error the SPA words itself: the contract's English `message` on `field` becomes the
 * validation `key` on that control (translated by the field's error like its own validators').
 */
export interface WordedApiError {
  readonly field: string;
  readonly message: string;
  readonly key: string;
}

/**
 * Puts the API's `errors[]` on the form controls. `aliases` maps an API field path (or its
 * prefix, e.g. `estimatedAnnualValue.amount`) to the control that edits it when the names
 * differ (an alias names a control of the form, so the errors returned, which fit no control and
 * are shown above the buttons, keep the API's names).
 */
export function applyApiErrors(
  form: FormGroup,
  error: unknown,
  aliases: Readonly<Record<string, string>> = {},
  worded: readonly WordedApiError[] = [],
): FieldError[] {
  const problem = readProblem(error);
  const errors: FieldError[] = [];
  for (const e of problem.errors ?? []) {
    const field = aliasOf(e.field, aliases);
    const key = worded.find((w) => w.field === e.field && w.message === e.message)?.key;
    const control = key ? form.get(field) : null;
    if (key && control) setControlError(control, key);
    else errors.push({ ...e, field });
  }
  return applyFieldErrors(form, { ...problem, errors });
}

/** The control that edits an API field path when it has another name (else the path itself). */
function aliasOf(path: string, aliases: Readonly<Record<string, string>>): string {
  const segments = path.split('.');
  return aliases[path] ?? aliases[segments.slice(0, 2).join('.')] ?? aliases[segments[0] ?? ''] ?? path;
}

/**
 * PATCH semantics: the fields of `body` whose controls the user changed, so an edit does not
 * overwrite what it did not touch. `controlsOf` names the controls of a field edited under other
 * names (a money pair: either one dirty sends the whole object).
 */
export function changedFields<B extends object>(
  form: FormGroup,
  body: B,
  controlsOf: Partial<Record<keyof B, readonly string[]>> = {},
): Partial<B> {
  const changed: Partial<B> = {};
  for (const key of Object.keys(body) as (keyof B & string)[]) {
    const controls = controlsOf[key] ?? [key];
    if (controls.some((name) => form.get(name)?.dirty)) changed[key] = body[key];
  }
  return changed;
}

/** Trimmed text or null (the API refuses empty strings: null clears a field). */
export function textOrNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/** Amount + currency as the API takes it, or null when no amount was typed (clears the value). */
export function moneyOrNull(amount: string, currency: string): Money | null {
  const value = decimalOrNull(amount);
  return value ? { amount: value, currency } : null;
}

/** Several values typed in one field (tags, competitors, e-mails…): trimmed, without blanks or repeats. */
export function splitList(value: string, separator: RegExp = /,/): string[] {
  return [
    ...new Set(
      value
        .split(separator)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/** Decimal string as the contracts accept it: up to 12 digits, 3 decimals, no leading zeros. */
export const AMOUNT_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,3})?$/;
/** Exchange rate as the contracts accept it (ExchangeRateSchema): up to 6 digits and 6 decimals. */
export const RATE_PATTERN = /^(0|[1-9]\d{0,5})(\.\d{1,6})?$/;

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
