import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

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
 * expected"; `strictlyPositive` (quantities, rates) also refuses zero with `positive`.
 */
export function decimalValidator(pattern: RegExp, { strictlyPositive = false } = {}): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = normalizeDecimal(control.value);
    if (!value) return null;
    if (!NUMBER.test(value)) return { decimal: true };
    if (value.startsWith('-') || (strictlyPositive && !NONZERO.test(value))) return { positive: true };
    return pattern.test(value) ? null : { decimal: true };
  };
}
