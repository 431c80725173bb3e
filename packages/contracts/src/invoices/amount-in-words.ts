// Zod-free: how an invoice total is written out in French ("Arrêtée la présente facture à la
// somme de …"), a mention Tunisian invoices carry. Traditional spelling: hyphens below one hundred,
// "et" in 21…71, "quatre-vingts" and "cents" plural only when they end the number (and before
// "millions"/"milliards", which are nouns), "mille" invariable.

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
] as const;
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'] as const;

const unit = (n: number): string => UNITS[n] ?? '';

/** 0…99; `final`: nothing follows but a noun, so "quatre-vingts" takes its s. */
function belowHundred(n: number, final: boolean): string {
  if (n < 20) return unit(n);
  if (n < 70) {
    const tens = TENS[Math.floor(n / 10)] ?? '';
    const units = n % 10;
    if (units === 0) return tens;
    return units === 1 ? `${tens} et un` : `${tens}-${unit(units)}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${unit(n - 60)}`;
  if (n === 80) return final ? 'quatre-vingts' : 'quatre-vingt';
  return `quatre-vingt-${unit(n - 80)}`;
}

/** 0…999 (see belowHundred for `final`). */
function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest, final);
  const head = hundreds === 1 ? 'cent' : `${unit(hundreds)} cent${rest === 0 && final ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${belowHundred(rest, final)}`;
}

/** A whole number from 0 to 999 999 999 999 in French words. */
export function frenchNumberWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0 || value > 999_999_999_999) {
    throw new RangeError(`${value} is not a whole number from 0 to 999999999999`);
  }
  if (value === 0) return 'zéro';
  const billions = Math.floor(value / 1_000_000_000);
  const millions = Math.floor(value / 1_000_000) % 1000;
  const thousands = Math.floor(value / 1000) % 1000;
  const rest = value % 1000;
  const parts: string[] = [];
  if (billions > 0) parts.push(`${belowThousand(billions, true)} milliard${billions > 1 ? 's' : ''}`);
  if (millions > 0) parts.push(`${belowThousand(millions, true)} million${millions > 1 ? 's' : ''}`);
  if (thousands > 0) parts.push(thousands === 1 ? 'mille' : `${belowThousand(thousands, false)} mille`);
  if (rest > 0) parts.push(belowThousand(rest, true));
  return parts.join(' ');
}

/**
 * A TND amount ("1234.567") in words: "mille deux cent trente-quatre dinars et cinq cent
 * soixante-sept millimes" (1 dinar = 1000 millimes). Zero millimes are not written.
 */
export function amountInFrenchWords(amount: string): string {
  const match = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(amount);
  if (!match) throw new RangeError(`"${amount}" is not a positive TND amount`);
  const dinars = Number(match[1]);
  const millimes = Number((match[2] ?? '').padEnd(3, '0'));
  // "un million de dinars": a round million or milliard is a noun, followed by "de".
  const of = dinars >= 1_000_000 && dinars % 1_000_000 === 0 ? 'de ' : '';
  const head = `${frenchNumberWords(dinars)} ${of}dinar${dinars > 1 ? 's' : ''}`;
  if (millimes === 0) return head;
  return `${head} et ${frenchNumberWords(millimes)} millime${millimes > 1 ? 's' : ''}`;
}
