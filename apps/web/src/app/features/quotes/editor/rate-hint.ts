import { readDecimal } from '../../../shared/forms/decimal';
import { formatDecimal } from '../quote-options';

/** A reference exchange rate proposed for a line: the rate and the day it is the official one of. */
export interface ProposedRate {
  readonly rate: string;
  readonly date: string;
}

/** A Transloco key and its parameters (the template translates it). */
export interface RateHintText {
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * What the hint under a line's rate says. While the field holds the proposed rate: "Cours du 01/12".
 * Once the user typed another one, the hint must not pass it off as the official rate: "Taux saisi
 * (cours du 01/12 : 3,390)"; an emptied field gets the reference back to retype it.
 */
export function rateHint(
  proposed: ProposedRate,
  typed: string | null | undefined,
  lang: string,
): RateHintText {
  const date = shortDate(proposed.date, lang);
  const value = readDecimal(typed, lang);
  if (value !== null && sameNumber(value, proposed.rate))
    return { key: 'quotes.lines.rateOfDay', params: { date } };
  const rate = formatDecimal(
    proposed.rate,
    lang,
    Math.max(3, bare(proposed.rate).split('.')[1]?.length ?? 0),
  );
  return {
    key: value === null ? 'quotes.lines.rateOfDayIs' : 'quotes.lines.rateTyped',
    params: { date, rate },
  };
}

/** "03/12" (fr) or "12/03" (en): the day of a proposed rate, short enough for the line's cell. */
export function shortDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).toLocaleDateString(lang, {
    day: '2-digit',
    month: '2-digit',
  });
}

/** "3.390000" as "3.39": without the zeros the API pads a rate with, nor leading ones. */
function bare(value: string): string {
  return (value.includes('.') ? value.replace(/\.?0+$/, '') : value).replace(/^(-?)0+(?=\d)/, '$1');
}

/** "3.39" and "3.390" are the same rate. */
function sameNumber(a: string, b: string): boolean {
  return bare(a) === bare(b);
}
