import type { DocumentLanguage } from '@velosi/contracts';
import { Decimal } from 'decimal.js';
import { DOCUMENT_LOCALES, moneyFormat, type MoneyFormat } from '../common/money/money-format.js';

/** How numbers and dates are written on a document in the client's language. */
export interface DocumentFormat extends MoneyFormat {
  /** "2026-02-04" → "04/02/2026" (fr) / "4 Feb 2026" (en). */
  date(isoDate: string): string;
  /** A share in points ("562.8") with one decimal: "562,8 %" (fr) / "562.8%" (en). */
  percent(points: string): string;
}

/** Amounts (common/money) and dates as a printed document shows them (see `printable`). */
export function documentFormat(language: DocumentLanguage): DocumentFormat {
  const amounts = moneyFormat(language);
  const dates = new Intl.DateTimeFormat(DOCUMENT_LOCALES[language], {
    day: language === 'fr' ? '2-digit' : 'numeric',
    month: language === 'fr' ? '2-digit' : 'short',
    year: 'numeric',
    // A calendar date has no time zone; formatting it in UTC keeps the day the user chose.
    timeZone: 'UTC',
  });
  const percents = new Intl.NumberFormat(DOCUMENT_LOCALES[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    money: (value) => printable(amounts.money(value)),
    amount: (value, currency) => printable(amounts.amount(value, currency)),
    measure: (value) => printable(amounts.measure(value)),
    rate: (value) => printable(amounts.rate(value)),
    date: (isoDate) => dates.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    // Intl writes the sign and its space per locale; the points are divided exactly (a string).
    percent: (points) => printable(percents.format(new Decimal(points).div(100).toString() as `${number}`)),
  };
}

/**
 * `text` as a document prints it: the narrow no-break space Intl puts between French thousands
 * becomes the no-break space Roboto has (same meaning; the fallback font of pdf-worker.ts would draw
 * the digits' gap in another font's width). Every other character prints as itself, in DejaVu Sans
 * when Roboto lacks it (arrows, check marks…).
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}
