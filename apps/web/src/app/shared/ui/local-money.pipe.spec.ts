import { describe, expect, it } from 'vitest';

import { LocalMoneyPipe } from './local-money.pipe';
import { LocalQuantityPipe } from './local-quantity.pipe';

const money = new LocalMoneyPipe();
const quantity = new LocalQuantityPipe();

describe('localMoney', () => {
  it('writes an amount with its currency the language’s way, millimes for TND', () => {
    expect(money.transform('1234.5', 'en', 'TND')).toBe('1,234.500 TND');
    expect(money.transform('1234.5', 'fr', 'TND')).toBe('1\u202f234,500 TND');
    expect(money.transform('99.5', 'en', 'EUR')).toBe('99.50 EUR');
  });

  it('takes an amount that carries its currency (an opportunity’s value)', () => {
    expect(money.transform({ amount: '120000.000', currency: 'EUR' }, 'fr')).toBe('120\u202f000,00 EUR');
  });

  it('shows a dash without an amount', () => {
    expect(money.transform(null, 'fr', 'TND')).toBe('—');
    expect(money.transform(undefined, 'en')).toBe('—');
    expect(money.transform('', 'en', 'TND')).toBe('—');
  });
});

describe('localQuantity', () => {
  it('keeps the significant decimals only', () => {
    expect(quantity.transform('12.250', 'fr')).toBe('12,25');
    expect(quantity.transform('42000.000', 'en')).toBe('42,000');
    expect(quantity.transform('3.350000', 'en')).toBe('3.35');
  });
});
