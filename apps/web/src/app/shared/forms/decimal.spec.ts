import { FormControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import { decimalOrNull, decimalValidator, normalizeDecimal } from './decimal';

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
    expect(check('1.2345')).toEqual({ decimal: true });
  });
});
