import { FormControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';

import en from '../../../../public/i18n/en.json';
import fr from '../../../../public/i18n/fr.json';
import { AMOUNT_PATTERN } from '../sales/form-problem';
import { decimalValidator } from './decimal';
import { firstError } from './form-errors';

const RATE = /^(0|[1-9]\d{0,5})(\.\d{1,6})?$/;
const check = (pattern: RegExp, value: string) => decimalValidator(pattern)(new FormControl(value));

describe('a number past the contract’s limits says why', () => {
  it('too large: more integer digits than the pattern allows (a weight of 1 000 000 000 000)', () => {
    expect(check(AMOUNT_PATTERN, '1 000 000 000 000')).toEqual({ tooLarge: { digits: 12 } });
    expect(check(AMOUNT_PATTERN, '999 999 999 999,999')).toBeNull();
    expect(check(RATE, '1234567')).toEqual({ tooLarge: { digits: 6 } });
  });

  it('too many decimals: a longer fraction than the scale', () => {
    expect(check(AMOUNT_PATTERN, '450,1234')).toEqual({ tooManyDecimals: { decimals: 3 } });
    expect(check(RATE, '3,1234567')).toEqual({ tooManyDecimals: { decimals: 6 } });
  });

  it('anything else the pattern refuses stays "number expected" (leading zeros, text)', () => {
    expect(check(AMOUNT_PATTERN, '0450')).toEqual({ decimal: true });
    expect(check(AMOUNT_PATTERN, 'abc')).toEqual({ decimal: true });
  });

  it('is worded in French and English with the limit', () => {
    const control = new FormControl('1 000 000 000 000', decimalValidator(AMOUNT_PATTERN));
    const error = firstError(control);
    expect(error).toEqual({ key: 'validation.tooLarge', params: { digits: 12 } });
    const say = (words: { validation: Record<string, string> }, key: string, n: number) =>
      words.validation[key]?.replace(/\{\{\s*\w+\s*\}\}/, String(n));
    expect(say(fr, 'tooLarge', 12)).toBe('Nombre trop grand : 12 chiffres au plus avant la virgule');
    expect(say(en, 'tooLarge', 12)).toBe('Number too large: at most 12 digits before the decimal point');
    expect(say(fr, 'tooManyDecimals', 3)).toBe('Trop de décimales : 3 au plus');
    expect(say(en, 'tooManyDecimals', 3)).toBe('Too many decimals: at most 3');
  });
});
