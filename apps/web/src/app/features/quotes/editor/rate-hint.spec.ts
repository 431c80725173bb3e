import { describe, expect, it } from 'vitest';

import fr from '../../../../../public/i18n/quotes/fr.json';
import en from '../../../../../public/i18n/quotes/en.json';
import { rateHint } from './rate-hint';

/** The hint as the reader sees it, from the real `quotes` files. */
function shown(lang: 'fr' | 'en', typed: string): string {
  const { key, params } = rateHint({ rate: '3.390000', date: '2026-12-01' }, typed, lang);
  const template = ((lang === 'fr' ? fr : en).lines as Record<string, string>)[
    key.replace('quotes.lines.', '')
  ];
  return (template ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? '');
}

describe('rateHint: the hint under a line rate tells a typed rate from the reference one', () => {
  it('names the day while the field holds the proposed rate, however it is written', () => {
    expect(shown('fr', '3,39')).toBe('Cours du 1 déc.');
    expect(shown('en', '3.390')).toBe('Rate of 1 Dec');
  });

  it('says the rate was typed, with the reference rate of that day, once it differs', () => {
    expect(shown('fr', '3,4')).toBe('Taux saisi (cours du 1 déc. : 3,39)');
    expect(shown('en', '3.4')).toBe('Rate entered (rate of 1 Dec: 3.39)');
  });

  it('gives the reference back when the field is emptied', () => {
    expect(shown('fr', '')).toBe('Cours du 1 déc. : 3,39');
    expect(shown('en', '')).toBe('Rate of 1 Dec: 3.39');
  });
});
