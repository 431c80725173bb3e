import type { AbstractControl } from '@angular/forms';
import { compareAmounts } from '@velosi/contracts/invoice-math';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import type { ExchangeRatesApi } from '../../../core/api/exchange-rates-api';
import { decimalInput, readDecimal } from '../../../shared/forms/decimal';
import { formatQuantity } from '../../../shared/sales/money';
import { todayIso } from '../quote-options';
import { dateLocale } from '../../../core/i18n/languages';

/** A reference exchange rate proposed for a line: the rate and the day it is the official one of. */
export interface ProposedRate {
  readonly rate: string;
  readonly date: string;
}

/**
 * Asks the reference rate of the line's currency on `date` and writes it into the line's rate, only
 * while the line still has that currency and an empty rate (a rate typed meanwhile wins); `proposed`
 * then gets it for the hint. None on file: the field stays empty, flagged required, for the user.
 */
export function proposeRate(
  rates: ExchangeRatesApi,
  line: { readonly currency: AbstractControl<string>; readonly exchangeRate: AbstractControl<string> },
  date: string,
  lang: string,
  proposed: (rate: ProposedRate) => void,
): void {
  const currency = line.currency.value;
  rates.rateOf(currency, date).subscribe({
    next: (found) => {
      if (line.currency.value !== currency || line.exchangeRate.value) return;
      line.exchangeRate.setValue(decimalInput(found.rate, lang, { trimZeros: true }));
      proposed({ rate: found.rate, date: found.date });
    },
    error: () => undefined,
  });
}

/**
 * A currency chosen for a line or a document: TND is at rate 1; another currency gets the day's
 * reference rate (still editable, `proposed` then gets it for the hint), or an empty required rate
 * when none is on file — never the TND's 1.
 */
export function rateForCurrency(
  rates: ExchangeRatesApi,
  line: { readonly currency: AbstractControl<string>; readonly exchangeRate: AbstractControl<string> },
  lang: string,
  proposed: (rate: ProposedRate) => void,
): void {
  const chosen = line.currency.value;
  line.exchangeRate.setValue(chosen === BASE_CURRENCY ? '1' : '');
  if (chosen === BASE_CURRENCY) return;
  line.exchangeRate.markAsTouched();
  proposeRate(rates, line, todayIso(), lang, proposed);
}

/** A Transloco key and its parameters (the template translates it). */
export interface RateHintText {
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * What the hint under a line's rate says. While the field holds the proposed rate: "Cours du 1 déc.".
 * Once the user typed another one, the hint must not pass it off as the official rate: "Taux saisi
 * (cours du 1 déc. : 3,39)"; an emptied field gets the reference back to retype it.
 */
export function rateHint(
  proposed: ProposedRate,
  typed: string | null | undefined,
  lang: string,
): RateHintText {
  const date = shortDate(proposed.date, lang);
  const value = readDecimal(typed, lang);
  if (value !== null && compareAmounts(value, proposed.rate) === 0)
    return { key: 'quotes.lines.rateOfDay', params: { date } };
  // Its significant decimals, as the PDFs and the rates list write it ("3.390000" → 3,39).
  const rate = formatQuantity(proposed.rate, lang);
  return {
    key: value === null ? 'quotes.lines.rateOfDayIs' : 'quotes.lines.rateTyped',
    params: { date, rate },
  };
}

/**
 * "1 déc." (fr) or "Dec 1" (en): the day of a proposed rate, short enough for the line's cell, with
 * the month in words (a reader of "12/01" cannot tell the first of December from the twelfth of January).
 */
export function shortDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).toLocaleDateString(dateLocale(lang), {
    day: 'numeric',
    month: 'short',
  });
}
