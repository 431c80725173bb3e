import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

import { numberLanguage } from '../../core/i18n/number-language';
import { trackDecimalControl } from './decimal-controls';
import { decimalRangeError } from './decimal-range';

// Spaces a user (or a copy from a French document) puts between thousands: space, no-break space,
// narrow no-break space, and the apostrophe used in Switzerland.
const GROUPING = /[\s\u00a0\u202f']/g;
// English thousands: commas only between groups of exactly three digits, before any decimal point.
const ENGLISH_GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A decimal as the user typed it in `lang` (by default the UI's, numberLanguage), as the contracts
 * take it, or the trimmed text as it is when it cannot be read that way, for the validator to refuse.
 * - French: the comma is the decimal mark, spaces group (`1 250,5`); a lone point is a decimal mark
 *   too (numeric keypads); with both, the last one is the decimal mark (`1.250,5`, `1,250.5`).
 * - English: the point is the decimal mark; a comma only groups thousands (`1,250` is 1250,
 *   `12,345,678.5`). Any other comma (`1,25`, `2143,000`, `1.250,5`) is left unread: reading it as
 *   a decimal mark would save 1000× less than the user meant without a word.
 */
export function normalizeDecimal(text: string | null | undefined, lang: string = numberLanguage()): string {
  const value = (text ?? '').trim().replace(GROUPING, '');
  if (lang !== 'fr') return ENGLISH_GROUPED.test(value) ? value.replace(/,/g, '') : value;
  const comma = value.lastIndexOf(',');
  const dot = value.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    return comma > dot ? value.replace(/\./g, '').replace(',', '.') : value.replace(/,/g, '');
  }
  return comma >= 0 && value.indexOf(',') === comma ? value.replace(',', '.') : value;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const NONZERO = /[1-9]/;

/** The decimal `text` means in `lang` (`-1250.5`), or null when it is empty or not a number there. */
export function readDecimal(text: string | null | undefined, lang: string = numberLanguage()): string | null {
  const value = normalizeDecimal(text, lang);
  return NUMBER.test(value) ? value : null;
}

/**
 * The way in, normalizeDecimal's inverse: a decimal as the API gives it (`2143.000`, `-5.5`, null)
 * as an input shows it in `lang`, the decimal comma in French (`2143,000`), the point in English.
 * Done on the string, never through a JS number, so every digit of an exact amount stays. No
 * thousands grouping: spaces and commas get in the way of editing the figure; a grouping the user
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

/**
 * Validator of a decimal field: `pattern` (the contract's shape, e.g. AMOUNT_PATTERN) is checked on
 * the value normalizeDecimal gives in the UI language, the one the submit path sends. A comma English
 * cannot read says `decimalComma` ("use a point for decimals"); a negative number says `positive`
 * ("must be positive") unless `signed` (coordinates); `strictlyPositive` (quantities, rates) also
 * refuses zero with `positive`; a number past the pattern's digits or decimals says `tooLarge` /
 * `tooManyDecimals` (decimalRangeError).
 */
export function decimalValidator(
  pattern: RegExp,
  { strictlyPositive = false, signed = false } = {},
): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    // Known from its first validation (at creation): a language switch rewrites it, shown or not.
    trackDecimalControl(control);
    const lang = numberLanguage();
    const value = normalizeDecimal(control.value, lang);
    if (!value) return null;
    if (!NUMBER.test(value)) {
      return lang !== 'fr' && /^-?[\d.,]*,[\d.,]*$/.test(value) ? { decimalComma: true } : { decimal: true };
    }
    if ((!signed && value.startsWith('-')) || (strictlyPositive && !NONZERO.test(value)))
      return { positive: true };
    return pattern.test(value) ? null : decimalRangeError(value, pattern);
  };
}
