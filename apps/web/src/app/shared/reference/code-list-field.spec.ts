import { describe, expect, it } from 'vitest';

import { rankChoices } from './code-list-field';

// In code order, as the API lists them: a name match (CHE) comes before the code typed (EUR).
const currencies = [
  { code: 'CHE', name: 'euro WIR' },
  { code: 'CHF', name: 'franc suisse' },
  { code: 'EUR', name: 'euro' },
  { code: 'EUX', name: 'unité euro fictive' },
  { code: 'TND', name: 'dinar tunisien' },
  { code: 'XEU', name: 'neu-euro' },
];
const codes = (typed: string) => rankChoices(currencies, typed).map((c) => c.code);

describe('rankChoices: what a code picker offers first', () => {
  it('puts the code typed first, then codes starting with it, then names, then the rest', () => {
    expect(codes('eur')).toEqual(['EUR', 'CHE', 'EUX', 'XEU']);
    expect(codes('EU')).toEqual(['EUR', 'EUX', 'CHE', 'XEU']);
    expect(codes('euro')).toEqual(['CHE', 'EUR', 'EUX', 'XEU']);
    expect(codes('ch')).toEqual(['CHE', 'CHF']);
  });

  it('matches every word, accents and case ignored, and keeps the list when nothing is typed', () => {
    expect(codes('DINAR tunisien')).toEqual(['TND']);
    expect(codes('unite euro')).toEqual(['EUX']);
    expect(codes('  ')).toEqual(['CHE', 'CHF', 'EUR', 'EUX', 'TND', 'XEU']);
    expect(codes('yen')).toEqual([]);
  });
});
