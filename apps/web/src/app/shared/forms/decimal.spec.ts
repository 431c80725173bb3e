import { FormControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import { decimalInput, decimalOrNull, decimalValidator, normalizeDecimal } from './decimal';

const AMOUNT = /^\d{1,12}(\.\d{1,3})?$/;

describe('normalizeDecimal: French and English typing give the contract form', () => {
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
  ])('%j → %j', (typed, expected) => {
    expect(normalizeDecimal(typed)).toBe(expected);
  });

  it('leaves what it cannot read for the validator (two commas, letters)', () => {
    expect(normalizeDecimal('1,2,3')).toBe('1,2,3');
    expect(normalizeDecimal('12abc')).toBe('12abc');
  });

  it('null and blank clear the field', () => {
    expect(decimalOrNull(null)).toBeNull();
    expect(decimalOrNull('   ')).toBeNull();
    expect(decimalOrNull('0,5')).toBe('0.5');
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
    for (const api of ['12345678901234.567', '-5.5', '2143.000', '99999999999.999']) {
      expect(normalizeDecimal(decimalInput(api, 'fr'))).toBe(api);
      expect(normalizeDecimal(decimalInput(api, 'en'))).toBe(api);
    }
  });
});
