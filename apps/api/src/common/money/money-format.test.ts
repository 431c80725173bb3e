import { describe, expect, it } from 'vitest';
import { moneyFormat } from './money-format.js';

// French Intl output groups thousands with a narrow no-break space (U+202F).
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('moneyFormat', () => {
  it('writes amounts with their millimes in French and English', () => {
    expect(plain(moneyFormat('fr').money('1234.5'))).toBe('1 234,500');
    expect(moneyFormat('en').money('1234.5')).toBe('1,234.500');
  });

  it('keeps the digits of amounts a float would round', () => {
    expect(moneyFormat('en').money('999999999999.999')).toBe('999,999,999,999.999');
    expect(moneyFormat('en').money('0.1')).toBe('0.100');
  });

  it('writes measures with the decimals they carry and rates with up to six', () => {
    expect(plain(moneyFormat('fr').measure('18450.5'))).toBe('18 450,5');
    expect(moneyFormat('en').measure('12')).toBe('12');
    expect(moneyFormat('en').rate('3.354125')).toBe('3.354125');
    expect(moneyFormat('fr').rate('1')).toBe('1');
  });

  it('writes an amount with its currency: TND to the millime, another with at least two decimals', () => {
    expect(plain(moneyFormat('fr').amount('1850', 'EUR'))).toBe('1 850,00 EUR');
    expect(moneyFormat('en').amount('4331.856', 'EUR')).toBe('4,331.856 EUR');
    expect(plain(moneyFormat('fr').amount('1850', 'TND'))).toBe('1 850,000 TND');
  });
});
