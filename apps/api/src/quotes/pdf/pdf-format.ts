import type { DocumentLanguage } from '@velosi/contracts';

/** How numbers and dates are written on a quote in the client's language. */
export interface PdfFormat {
  /** "1234.5" → "1 234,500" (fr) / "1,234.500" (en): always the millimes, as on an invoice. */
  money(value: string): string;
  /** Quantities and measures: as many decimals as they carry, up to 3. */
  measure(value: string): string;
  /** Exchange rates: up to 6 decimals. */
  rate(value: string): string;
  /** "2026-02-04" → "04/02/2026" (fr) / "4 Feb 2026" (en). */
  date(isoDate: string): string;
}

const LOCALES: Readonly<Record<DocumentLanguage, string>> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Intl.NumberFormat formats decimal STRINGS exactly (ECMA-402 "Intl.NumberFormat v3"): the amounts
 * never pass through a JS float on their way to the page.
 */
function decimals(locale: string, min: number, max: number): (value: string) => string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
  return (value) => printable(format.format(value as `${number}`));
}

export function pdfFormat(language: DocumentLanguage): PdfFormat {
  const locale = LOCALES[language];
  const dates = new Intl.DateTimeFormat(locale, {
    day: language === 'fr' ? '2-digit' : 'numeric',
    month: language === 'fr' ? '2-digit' : 'short',
    year: 'numeric',
    // A calendar date has no time zone; formatting it in UTC keeps the day the user chose.
    timeZone: 'UTC',
  });
  return {
    money: decimals(locale, 3, 3),
    measure: decimals(locale, 0, 3),
    rate: decimals(locale, 0, 6),
    date: (isoDate) => dates.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
  };
}

/**
 * Characters users type that the embedded Roboto has no glyph for, with what to print instead
 * (a missing glyph would print as a blank and "Radès → Marseille" would lose its meaning).
 */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u2192': '»', // →
  '\u27f6': '»', // ⟶
  '\u2794': '»', // ➔
  '\u21d2': '»', // ⇒
  '\u2190': '«', // ←
  '\u2194': '«»', // ↔
  '\u202f': '\u00a0', // narrow no-break space (French thousands separator in Intl output)
  '\u2713': 'x', // ✓
};
const MISSING_GLYPHS = new RegExp(`[${Object.keys(SUBSTITUTES).join('')}]`, 'gu');

/** `text` with the characters Roboto cannot draw replaced (see SUBSTITUTES). */
export function printable(text: string): string {
  return text.replace(MISSING_GLYPHS, (c) => SUBSTITUTES[c] ?? c);
}
