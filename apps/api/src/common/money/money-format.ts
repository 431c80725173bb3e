import { BASE_CURRENCY, type DocumentLanguage } from '@velosi/contracts';

/** How amounts are written for a customer in their language (documents, e-mails). */
export interface MoneyFormat {
  /** "1234.5" → "1 234,500" (fr) / "1,234.500" (en): always the millimes, as on an invoice. */
  money(value: string): string;
  /**
   * An amount with its currency: TND to the millime ("1 234,500 TND"), another currency with its
   * significant decimals, at least 2 ("1 850,00 EUR", "4 331,856 EUR"), as the application shows it.
   */
  amount(value: string, currency: string): string;
  /** Quantities and measures: as many decimals as they carry, up to 3. */
  measure(value: string): string;
  /** Exchange rates: up to 6 decimals. */
  rate(value: string): string;
}

/** The locale each document language is written in. */
export const DOCUMENT_LOCALES: Readonly<Record<DocumentLanguage, string>> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * Intl.NumberFormat formats decimal STRINGS exactly (ECMA-402 "Intl.NumberFormat v3"): the amounts
 * never pass through a JS float on their way to the page.
 */
function decimals(locale: string, min: number, max: number): (value: string) => string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
  return (value) => format.format(value as `${number}`);
}

export function moneyFormat(language: DocumentLanguage): MoneyFormat {
  const locale = DOCUMENT_LOCALES[language];
  const money = decimals(locale, 3, 3);
  const foreign = decimals(locale, 2, 3);
  return {
    money,
    amount: (value, currency) => `${currency === BASE_CURRENCY ? money(value) : foreign(value)} ${currency}`,
    measure: decimals(locale, 0, 3),
    rate: decimals(locale, 0, 6),
  };
}
