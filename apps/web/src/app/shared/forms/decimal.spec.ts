import { FormControl } from '@angular/forms';
import { afterEach, describe, expect, it } from 'vitest';

import { DEFAULT_LANG } from '../../core/i18n/languages';
import { setNumberLanguage } from '../../core/i18n/number-language';
import { decimalInput, decimalOrNull, decimalValidator, normalizeDecimal, readDecimal } from './decimal';

const AMOUNT = /^\d{1,12}(\.\d{1,3})?$/;

afterEach(() => setNumberLanguage(DEFAULT_LANG));

describe('normalizeDecimal in French: the comma is the decimal mark, a lone point too', () => {
  it.each([
    ['450,5', '450.5'],
    ['450.5', '450.5'],
    ['1 250,5', '1250.5'],
    ['1\u00a0250,5', '1250.5'],
    ['1\u202f250,5', '1250.5'],
    ["1'250.5", '1250.5'],
    ['1.250,5', '1250.5'],
    ['1,250.5', '1250.5'],
    ['  42 000  ', '42000'],
    ['', ''],
    // The ambiguous ones: a lone comma or a lone point is the decimal mark in French.
    ['1,250', '1.250'],
    ['1.250', '1.250'],
    ['33,250', '33.250'],
    ['2143,000', '2143.000'],
    ['-5,5', '-5.5'],
    ['12 345 678 901,234', '12345678901.234'],
  ])('%j → %j', (typed, expected) => {
    expect(normalizeDecimal(typed, 'fr')).toBe(expected);
    setNumberLanguage('fr');
    expect(normalizeDecimal(typed)).toBe(expected);
  });

  it('leaves what it cannot read for the validator (two commas, letters)', () => {
    expect(normalizeDecimal('1,2,3')).toBe('1,2,3');
    expect(normalizeDecimal('12abc')).toBe('12abc');
  });

  it('reads the UI language by default (numberLanguage)', () => {
    setNumberLanguage('en');
    expect(normalizeDecimal('1,250')).toBe('1250');
    setNumberLanguage('fr');
    expect(normalizeDecimal('1,250')).toBe('1.250');
  });

  it('null and blank clear the field', () => {
    expect(decimalOrNull(null)).toBeNull();
    expect(decimalOrNull('   ')).toBeNull();
    expect(decimalOrNull('0,5')).toBe('0.5');
  });
});

describe('normalizeDecimal in English: the point is the decimal mark, commas group thousands', () => {
  // Typed → read, as a map: each English reading once.
  const english: Record<string, string> = {
    '1,250': '1250',
    '1,250.5': '1250.5',
    '12,345,678': '12345678',
    '33,250': '33250',
    '12,345,678.125': '12345678.125',
    '-1,250.5': '-1250.5',
    '450.5': '450.5',
    '1 250.5': '1250.5',
    '12345678901234.567': '12345678901234.567',
    '99,999,999,999.999': '99999999999.999',
    '0.001': '0.001',
  };
  it.each(Object.entries(english))('%j → %j', (typed, expected) => {
    expect(normalizeDecimal(typed, 'en')).toBe(expected);
  });

  // Each of these would be a silent 1000× (or worse) if a comma were a decimal mark in English.
  it.each(['1,25', '2143,000', '1,2,3', '1.250,5', '1,2500', ',5', '1,250,5'])(
    '%j is not read (left for the validator)',
    (typed) => {
      expect(readDecimal(typed, 'en')).toBeNull();
      expect(normalizeDecimal(typed, 'en')).toBe(typed);
    },
  );
});

describe('readDecimal', () => {
  it('gives the number the text means in a language, or null', () => {
    expect(readDecimal('1,250', 'fr')).toBe('1.250');
    expect(readDecimal('1,250', 'en')).toBe('1250');
    expect(readDecimal('abc', 'fr')).toBeNull();
    expect(readDecimal('', 'en')).toBeNull();
  });
});

describe('decimalValidator', () => {
  const check = (value: string, strictlyPositive = false) =>
    decimalValidator(AMOUNT, { strictlyPositive })(new FormControl(value));

  it('accepts French and English decimals and an empty field', () => {
    expect(check('450,5')).toBeNull();
    expect(check('1 250.125')).toBeNull();
    expect(check('')).toBeNull();
  });

  it('says "positive" for a negative number, not "decimal expected"', () => {
    expect(check('-5')).toEqual({ positive: true });
    expect(check('-0,5')).toEqual({ positive: true });
  });

  it('refuses zero only where a strictly positive value is needed (quantities, rates)', () => {
    expect(check('0')).toBeNull();
    expect(check('0,000', true)).toEqual({ positive: true });
    expect(check('0,001', true)).toBeNull();
  });

  it('in English, says decimalComma for a comma that is not a thousands separator', () => {
    setNumberLanguage('en');
    expect(check('1,250')).toBeNull();
    expect(check('1,250.5')).toBeNull();
    expect(check('12,345,678')).toBeNull();
    expect(check('1,25')).toEqual({ decimalComma: true });
    expect(check('2143,000')).toEqual({ decimalComma: true });
    expect(check('1,2,3')).toEqual({ decimalComma: true });
    expect(check('1.250,5')).toEqual({ decimalComma: true });
    expect(check('-1,25')).toEqual({ decimalComma: true });
    expect(check('12abc')).toEqual({ decimal: true });
    expect(check('-1,250')).toEqual({ positive: true });
  });

  it('accepts exactly what the submit path reads, in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      setNumberLanguage(lang);
      for (const typed of ['1,25', '1,250', '1.250', '1 250,5', '1,250.5', '2143,000', '1,2,3', 'x']) {
        const valid = check(typed) === null;
        expect(valid, `${typed} in ${lang}`).toBe(readDecimal(typed, lang) !== null);
        if (valid) expect(decimalOrNull(typed)).toBe(readDecimal(typed, lang));
      }
    }
  });

  it('takes a negative number when signed (coordinates)', () => {
    expect(decimalValidator(/^-?\d+(\.\d+)?$/, { signed: true })(new FormControl('-10,5'))).toBeNull();
  });

  it('refuses text and what the contract pattern does not allow (too many decimals)', () => {
    expect(check('abc')).toEqual({ decimal: true });
    expect(check('1,2,3')).toEqual({ decimal: true });
    expect(check('1.2345')).toEqual({ tooManyDecimals: { decimals: 3 } });
  });
});

describe('decimalInput: the API decimal as an input shows it in the active language', () => {
  // Money keeps its currency decimals; a measure (quantity, weight, volume, rate) drops the padding.
  it.each([
    ['2143.000', 'fr', 'money', '2143,000'],
    ['2143.000', 'en', 'money', '2143.000'],
    ['-5.5', 'fr', 'money', '-5,5'],
    ['-5.5', 'en', 'money', '-5.5'],
    ['42000', 'fr', 'money', '42000'],
    ['12345678901234.567', 'fr', 'money', '12345678901234,567'],
    ['0.001', 'fr', 'money', '0,001'],
    ['2400.000', 'fr', 'measure', '2400'],
    ['1.500', 'fr', 'measure', '1,5'],
    ['100.250', 'en', 'measure', '100.25'],
    ['0.000', 'fr', 'measure', '0'],
    ['-0.50', 'fr', 'measure', '-0,5'],
    ['3.412500', 'fr', 'measure', '3,4125'],
    ['1000', 'fr', 'measure', '1000'],
  ])('%j in %s as %s → %j (no grouping)', (api, lang, kind, shown) => {
    expect(decimalInput(api, lang, { trimZeros: kind === 'measure' })).toBe(shown);
  });

  it('null, undefined and empty give an empty input', () => {
    expect(decimalInput(null, 'fr')).toBe('');
    expect(decimalInput(undefined, 'en')).toBe('');
    expect(decimalInput('', 'fr', { trimZeros: true })).toBe('');
  });

  it('comes back exactly through normalizeDecimal, in both languages', () => {
    for (const api of ['12345678901234.567', '-5.5', '2143.000', '99999999999.999', '1250']) {
      expect(normalizeDecimal(decimalInput(api, 'fr'), 'fr')).toBe(api);
      expect(normalizeDecimal(decimalInput(api, 'en'), 'en')).toBe(api);
    }
  });
});
