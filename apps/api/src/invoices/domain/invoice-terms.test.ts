import { describe, expect, it } from 'vitest';
import { priceInvoice, type UnpricedLine } from './invoice-pricing.js';
import { dueDateOf } from './invoice-terms.js';

const line = (overrides: Partial<UnpricedLine>): UnpricedLine => ({
  chargeTypeCode: null,
  description: 'THC',
  quantity: '1',
  unitPrice: '100.000',
  currency: 'TND',
  exchangeRate: '1',
  vatRate: 19,
  isDisbursement: false,
  jobChargeId: null,
  creditedLineId: null,
  ...overrides,
});

describe('due dates from payment terms', () => {
  it.each([
    ['2026-01-15', null, false, '2026-01-15'],
    ['2026-01-15', 30, false, '2026-02-14'],
    ['2026-01-15', 30, true, '2026-02-28'],
    ['2026-12-20', 60, true, '2027-02-28'],
    ['2028-01-31', 29, true, '2028-02-29'],
  ])('%s + %s days (end of month: %s) → %s', (date, days, endOfMonth, due) => {
    expect(dueDateOf(date, days, endOfMonth)).toBe(due);
  });
});

describe('invoice pricing', () => {
  it('stamp duty as configured, none for an exempt client', () => {
    const terms = { vatRegime: 'subject', currency: 'TND', exchangeRate: '1' };
    // 100.000 + 19.000 VAT + 0.600 stamp
    expect(priceInvoice([line({})], { ...terms, stampDuty: '0.600' }).totals.totalTnd).toBe('119.600');
    expect(priceInvoice([line({})], { ...terms, stampDuty: false }).totals).toMatchObject({
      stampDutyTnd: '0.000',
      totalTnd: '119.000',
    });
  });

  it('an exempt client pays no VAT on any line', () => {
    const priced = priceInvoice([line({}), line({ vatRate: 7 })], {
      vatRegime: 'exempt',
      stampDuty: '1.000',
      currency: 'TND',
      exchangeRate: '1',
    });
    expect(priced.lines.map((l) => l.vatRate)).toEqual([0, 0]);
    expect(priced.totals).toMatchObject({ netTnd: '200.000', vatTnd: '0.000', totalTnd: '201.000' });
  });
});
