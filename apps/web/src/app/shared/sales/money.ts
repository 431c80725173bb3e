import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

/**
 * Digits of a decimal string ("1234567.500") grouped the language's way, the decimals kept as
 * given, without going through a JS number (amounts are exact decimals, docs/rules.md).
 */
export function groupDigits(value: string | null | undefined, lang: string): string {
  if (value === null || value === undefined || value === '') return '';
  const negative = value.startsWith('-');
  const [int = '0', frac] = (negative ? value.slice(1) : value).split('.');
  const group = lang === 'fr' ? '\u202f' : ',';
  const point = lang === 'fr' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${frac ? point + frac : ''}`;
}

/**
 * A decimal string for display: exactly `places` decimals (3 for TND: millimes), grouped in the
 * UI language. The value is already rounded by the shared math; only the padding is done here, on
 * the string, so no float ever touches the amount.
 */
export function formatDecimal(value: string | null | undefined, lang: string, places = 3): string {
  if (value === null || value === undefined || value === '') return '—';
  const [intPart = '0', frac = ''] = value.split('.');
  return groupDigits(places > 0 ? `${intPart}.${frac.padEnd(places, '0').slice(0, places)}` : intPart, lang);
}

/** How many decimals of a decimal string are not trailing zeros ("12.250" → 2, "3.000" → 0). */
function significantDecimals(value: string | null | undefined): number {
  return (value?.split('.')[1] ?? '').replace(/0+$/, '').length;
}

/** A quantity, weight or volume with its significant decimals only: `42 000`, `12,25`, `1,5`. */
export function formatQuantity(value: string | null | undefined, lang: string): string {
  return formatDecimal(value, lang, significantDecimals(value));
}

/**
 * Money: 3 decimals for TND (millimes, "1 250,500 TND"); other currencies with their significant
 * decimals, at least 2 ("200,00 EUR" for the stored "200.000", "5,1234 USD" kept whole: a price is
 * never rounded for display). `—` when there is no amount.
 */
export function formatMoney(value: string | null | undefined, currency: string, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const places = currency === BASE_CURRENCY ? 3 : Math.max(2, significantDecimals(value));
  return `${formatDecimal(value, lang, places)} ${currency}`;
}

/**
 * A rate given in points (`"99.83"`, VAT `19`), the language's way: `99.83%` in English, `99,83 %`
 * in French (Intl places the sign and its space). `places` fixes the decimals; without it, up to 2.
 */
export function formatPercent(
  value: string | number | null | undefined,
  lang: string,
  places?: number,
): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: places ?? 0,
    maximumFractionDigits: places ?? 2,
  }).format(Number(value) / 100);
}

/**
 * An amount, a rate or a measure as stored: numeric columns come as strings with their decimals. Ids
 * and numbers of documents (an IMO number, a booking, a phone) have none and are never digit-grouped.
 */
const STORED_DECIMAL = /^-?\d+\.\d+$/;

/**
 * A stored decimal in the reader's language: amounts keep their millimes ("510,000"); a rate's
 * zeros past them go ("3.400000" → "3,400", "3.412500" → "3,4125"). Null for anything else.
 */
export function decimalWord(text: string, lang: string): string | null {
  if (!STORED_DECIMAL.test(text)) return null;
  const [int = '0', frac = ''] = text.split('.');
  return groupDigits(`${int}.${frac.slice(0, 3)}${frac.slice(3).replace(/0+$/, '')}`, lang);
}
