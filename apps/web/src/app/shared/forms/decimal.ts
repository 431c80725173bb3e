import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

import { decimalRangeError } from './decimal-range';

// Spaces a user (or a copy from a French document) puts between thousands: space, no-break space,
// narrow no-break space, and the apostrophe used in Switzerland.
const GROUPING = /[\s\u00a0\u202f']/g;

/**
 * A decimal typed the French or the English way, as the contracts take it: `450,5`, `450.5`,
 * `1 250,5`, `1.250,5` and `1,250.5` all give `450.5`/`1250.5`. With both separators the last one
 * is the decimal mark; a lone comma is always the decimal mark (French). Anything else is returned
 * trimmed as it is, for the validator to refuse.
 */
export function normalizeDecimal(text: string | null | undefined): string {
  let value = (text ?? '').trim().replace(GROUPING, '');
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    value = comma > dot ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  } else if (comma >= 0 && value.indexOf(',') === comma) {
    value = value.replace(',', '.');
  }
  return value;
}

/**
 * The way in, normalizeDecimal's inverse: a decimal as the API gives it (`2143.000`, `-5.5`, null)
 * as an input shows it in `lang`, the decimal comma in French (`2143,000`), the point in English.
 * Done on the string, never through a JS number, so every digit of an exact amount stays. No
 * thousands grouping: spaces get in the way of editing the figure, and an English `1,250` would come
 * back as 1.25 (a lone comma is the French decimal mark for normalizeDecimal); a grouping the user
 * types is still read. `trimZeros` drops the trailing zeros the API pads
 * quantities, weights, volumes and rates with (`2400.000` → `2400`, `1.500` → `1,5`): nobody types
 * those, and the displays show them without (formatQuantity). Money keeps them: `2143,000` TND
 * says the millimes as the displays and documents do.
 */
export function decimalInput(
  value: string | null | undefined,
  lang: string,
  { trimZeros = false } = {},
): string {
  let text = (value ?? '').trim();
  if (trimZeros && text.includes('.')) text = text.replace(/\.?0+$/, '');
  return lang === 'fr' ? text.replace('.', ',') : text;
}

/** The normalised decimal, or null when nothing was typed (the API clears the field). */
export function decimalOrNull(text: string | null | undefined): string | null {
  const value = normalizeDecimal(text);
  return value === '' ? null : value;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const NONZERO = /[1-9]/;

/**
 * Validator of a decimal field: `pattern` (the contract's shape, e.g. AMOUNT_PATTERN) is checked on
 * the normalised value. A negative number says `positive` ("must be positive"), not "decimal
 * expected"; `strictlyPositive` (quantities, rates) also refuses zero with `positive`; a number past
 * the pattern's digits or decimals says `tooLarge` / `tooManyDecimals` (decimalRangeError).
 */
export function decimalValidator(pattern: RegExp, { strictlyPositive = false } = {}): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = normalizeDecimal(control.value);
    if (!value) return null;
    if (!NUMBER.test(value)) return { decimal: true };
    if (value.startsWith('-') || (strictlyPositive && !NONZERO.test(value))) return { positive: true };
    return pattern.test(value) ? null : decimalRangeError(value, pattern);
  };
}
