import { describe, expect, it } from 'vitest';
import { computeLineTotals, computeQuoteTotals, tndIn, type QuoteTotalsLineInput } from './quote-math.js';

/** A TND line at VAT 19 unless told otherwise. */
function line(overrides: Partial<QuoteTotalsLineInput>): QuoteTotalsLineInput {
  return { quantity: '1', buyUnitPrice: '0', sellUnitPrice: '0', vatRate: 19, ...overrides };
}

describe('computeQuoteTotals — the multi-currency reference quote (hand-checked)', () => {
  // Line 1, sea freight: 2 × 40HC, buy 1,150.00 EUR, sell 1,400.00 EUR, 1 EUR = 3.3645 TND, VAT 0.
  //   buy  = 2 × 1150 × 3.3645 = 2300 × 3.3645 = 7738.350
  //   sell = 2 × 1400 × 3.3645 = 2800 × 3.3645 = 9420.600
  //   margin = 9420.600 − 7738.350 = 1682.250 ; % = 1682.25 / 9420.6 × 100 = 17.857… → 17.86
  // Line 2, THC: 2 × buy 180.000 / sell 250.000 TND, VAT 19.
  //   buy 360.000, sell 500.000, margin 140.000 (28.00 %), VAT 500 × 19 % = 95.000
  // Line 3, customs duties paid for the client (débours): 1 × 420.500 TND.
  //   buy = sell = 420.500, margin 0.000 (0.00 %), VAT 0.000
  // Totals:
  //   buy  = 7738.350 + 360.000 + 420.500 = 8518.850
  //   sell = 9420.600 + 500.000 + 420.500 = 10341.100
  //   margin = 1682.250 + 140.000 = 1822.250
  //   margin % over sell without débours = 1822.25 / (10341.1 − 420.5 = 9920.6) × 100 = 18.368… → 18.37
  //   VAT = 95.000 ; by rate: 19 % on 500.000 → 95.000, 0 % on 9420.600 → 0.000
  //   stamp duty 1.000 ; total = 10341.100 + 95.000 + 1.000 = 10437.100
  //   in EUR: 10437.1 / 3.3645 = 3102.1251… → 3102.125
  const lines: QuoteTotalsLineInput[] = [
    { quantity: '2', buyUnitPrice: '1150.00', sellUnitPrice: '1400.00', exchangeRate: '3.3645', vatRate: 0 },
    { quantity: '2', buyUnitPrice: '180.000', sellUnitPrice: '250.000', vatRate: 19 },
    { quantity: '1', buyUnitPrice: '420.500', sellUnitPrice: '420.500', vatRate: 0, isDisbursement: true },
  ];
  const result = computeQuoteTotals(lines, { currency: 'EUR', exchangeRate: '3.3645' });

  it('gives every line figure', () => {
    expect(result.lines).toEqual([
      {
        buyTotalTnd: '7738.350',
        sellTotalTnd: '9420.600',
        marginTnd: '1682.250',
        marginPercent: '17.86',
        vatTnd: '0.000',
      },
      {
        buyTotalTnd: '360.000',
        sellTotalTnd: '500.000',
        marginTnd: '140.000',
        marginPercent: '28.00',
        vatTnd: '95.000',
      },
      {
        buyTotalTnd: '420.500',
        sellTotalTnd: '420.500',
        marginTnd: '0.000',
        marginPercent: '0.00',
        vatTnd: '0.000',
      },
    ]);
  });

  it('gives every total', () => {
    expect(result.totals).toEqual({
      buyTnd: '8518.850',
      sellTnd: '10341.100',
      marginTnd: '1822.250',
      marginPercent: '18.37',
      vatTnd: '95.000',
      vatBreakdown: [
        { rate: 19, baseTnd: '500.000', vatTnd: '95.000' },
        { rate: 0, baseTnd: '9420.600', vatTnd: '0.000' },
      ],
      disbursementsTnd: '420.500',
      stampDutyTnd: '1.000',
      totalTnd: '10437.100',
      quoteCurrency: { currency: 'EUR', exchangeRate: '3.3645', totalAmount: '3102.125' },
    });
  });

  it('agrees with computeLineTotals line by line (the SPA previews one line at a time)', () => {
    expect(lines.map((l, i) => computeLineTotals(l, i))).toEqual(result.lines);
  });
});

describe('computeQuoteTotals — exact decimals', () => {
  it('converts a TND amount into a currency at its rate, rounded half up to 3 decimals', () => {
    expect(tndIn('3364.500', '3.3645')).toBe('1000.000');
    // 100 / 3.3645 = 29.72209…
    expect(tndIn('100', '3.3645')).toBe('29.722');
    expect(() => tndIn('100', '0')).toThrow(RangeError);
  });

  it('adds 0.1 + 0.2 to exactly 0.300 (a float gives 0.30000000000000004)', () => {
    const { totals } = computeQuoteTotals([line({ sellUnitPrice: '0.1' }), line({ sellUnitPrice: '0.2' })], {
      stampDuty: false,
    });
    expect(totals.sellTnd).toBe('0.300');
  });

  it('multiplies 3 × 1.005 to exactly 3.015 (a float gives 3.0149999…)', () => {
    // VAT 19 %: 3.015 × 0.19 = 0.57285 → 0.573
    expect(computeLineTotals(line({ quantity: '3', sellUnitPrice: '1.005' }))).toMatchObject({
      sellTotalTnd: '3.015',
      vatTnd: '0.573',
    });
  });

  it('rounds a half millime up where toFixed would go down (1 × 1.000 × 1.0045 → 1.005)', () => {
    // (1.0045).toFixed(3) === '1.004' because the float is 1.004499999…
    expect(computeLineTotals(line({ sellUnitPrice: '1.000', exchangeRate: '1.0045' })).sellTotalTnd).toBe(
      '1.005',
    );
  });

  it('rounds halves away from zero, not to even (2.0005 → 2.001, 0.0025 → 0.003)', () => {
    expect(computeLineTotals(line({ sellUnitPrice: '1', exchangeRate: '2.0005' })).sellTotalTnd).toBe(
      '2.001',
    );
    expect(computeLineTotals(line({ sellUnitPrice: '1', exchangeRate: '0.0025' })).sellTotalTnd).toBe(
      '0.003',
    );
  });

  it('rounds VAT on the rounded line total: 0.050 × 7 % = 0.0035 → 0.004', () => {
    expect(computeLineTotals(line({ sellUnitPrice: '0.050', vatRate: 7 })).vatTnd).toBe('0.004');
  });

  it('sums the rounded line values, so printed lines add up to the printed total', () => {
    // Each line: 1 × 0.001 × 0.5 = 0.0005 → 0.001. Sum of rounded lines = 0.002; rounding the
    // exact sum (0.001) instead would print two lines of 0.001 above a total of 0.001.
    const half = line({ sellUnitPrice: '0.001', exchangeRate: '0.5', vatRate: 0 });
    const { totals } = computeQuoteTotals([half, half], { stampDuty: false });
    expect(totals.sellTnd).toBe('0.002');
    expect(totals.totalTnd).toBe('0.002');
  });

  it('keeps 15-digit amounts exact (the float product is 370370367037.03503)', () => {
    // 3 × 123 456 789 012.345 = 370 370 367 037.035, the largest amounts a numeric(15,3) holds
    const big = computeLineTotals(line({ quantity: '3', sellUnitPrice: '123456789012.345', vatRate: 0 }));
    expect(big.sellTotalTnd).toBe('370370367037.035');
  });
});

describe('computeQuoteTotals — margins', () => {
  it('gives a null margin % when the line sells for 0, with the loss as a negative margin', () => {
    expect(computeLineTotals(line({ buyUnitPrice: '50', sellUnitPrice: '0' }))).toEqual({
      buyTotalTnd: '50.000',
      sellTotalTnd: '0.000',
      marginTnd: '-50.000',
      marginPercent: null,
      vatTnd: '0.000',
    });
  });

  it('gives a negative margin % when selling below cost: (100 − 120) / 100 = −20.00 %', () => {
    expect(computeLineTotals(line({ buyUnitPrice: '120', sellUnitPrice: '100' })).marginPercent).toBe(
      '-20.00',
    );
  });

  it('rounds the margin % half up: 24.690 / 200.000 = 12.345 % → 12.35', () => {
    expect(computeLineTotals(line({ buyUnitPrice: '175.310', sellUnitPrice: '200.000' })).marginPercent).toBe(
      '12.35',
    );
  });

  it('gives a null total margin % when only disbursements are billed', () => {
    const debours = line({ buyUnitPrice: '300', sellUnitPrice: '300', vatRate: 0, isDisbursement: true });
    expect(computeQuoteTotals([debours]).totals).toMatchObject({ marginTnd: '0.000', marginPercent: null });
  });

  it('never taxes nor margins a disbursement, even when handed a VAT rate', () => {
    const debours = line({ buyUnitPrice: '100', sellUnitPrice: '100', vatRate: 19, isDisbursement: true });
    expect(computeLineTotals(debours)).toMatchObject({ marginTnd: '0.000', vatTnd: '0.000' });
    expect(computeQuoteTotals([debours]).totals.vatBreakdown).toEqual([]);
  });
});

describe('computeQuoteTotals — stamp duty, VAT breakdown, quote currency', () => {
  const thc = line({ sellUnitPrice: '100.000' }); // VAT 19.000 → 119.000 before stamp duty

  it('adds 1.000 TND of stamp duty by default, a given amount, or none', () => {
    expect(computeQuoteTotals([thc]).totals).toMatchObject({ stampDutyTnd: '1.000', totalTnd: '120.000' });
    expect(computeQuoteTotals([thc], { stampDuty: '0.600' }).totals.totalTnd).toBe('119.600');
    expect(computeQuoteTotals([thc], { stampDuty: false }).totals).toMatchObject({
      stampDutyTnd: '0.000',
      totalTnd: '119.000',
    });
  });

  it('adds no stamp duty to an empty quote', () => {
    expect(computeQuoteTotals([]).totals).toMatchObject({
      stampDutyTnd: '0.000',
      totalTnd: '0.000',
      vatBreakdown: [],
    });
  });

  it('groups VAT by rate, highest first', () => {
    const { totals } = computeQuoteTotals([
      line({ sellUnitPrice: '10', vatRate: 7 }),
      thc,
      line({ sellUnitPrice: '30', vatRate: 7 }),
    ]);
    // 7 %: base 40.000 → 0.700 + 2.100 = 2.800 ; 19 %: base 100.000 → 19.000
    expect(totals.vatBreakdown).toEqual([
      { rate: 19, baseTnd: '100.000', vatTnd: '19.000' },
      { rate: 7, baseTnd: '40.000', vatTnd: '2.800' },
    ]);
    expect(totals.vatTnd).toBe('21.800');
  });

  it('gives no quote-currency total for a TND quote and refuses a foreign one without rate', () => {
    expect(computeQuoteTotals([thc], { currency: 'TND' }).totals.quoteCurrency).toBeNull();
    expect(() => computeQuoteTotals([thc], { currency: 'USD' })).toThrow(RangeError);
  });

  it('refuses amounts that are not plain decimal strings', () => {
    expect(() => computeLineTotals(line({ quantity: '1e3' }))).toThrow(/quantity/);
    expect(() => computeLineTotals(line({ sellUnitPrice: '12,5' }))).toThrow(/sellUnitPrice/);
  });
});

describe('computeQuoteTotals — the four Tunisian VAT rates', () => {
  it('taxes 19, 13 and 7 % each on its own base, highest rate first (hand-checked)', () => {
    // 100.000 × 19 % = 19.000 ; 250.550 × 13 % = 32.5715 → 32.572 ; 80.000 × 7 % = 5.600 ; 0 % on 40.
    const result = computeQuoteTotals(
      [
        line({ sellUnitPrice: '80.000', vatRate: 7 }),
        line({ sellUnitPrice: '250.550', vatRate: 13 }),
        line({ sellUnitPrice: '100.000', vatRate: 19 }),
        line({ sellUnitPrice: '40.000', vatRate: 0 }),
      ],
      { stampDuty: false },
    );
    expect(result.totals.vatBreakdown).toEqual([
      { rate: 19, baseTnd: '100.000', vatTnd: '19.000' },
      { rate: 13, baseTnd: '250.550', vatTnd: '32.572' },
      { rate: 7, baseTnd: '80.000', vatTnd: '5.600' },
      { rate: 0, baseTnd: '40.000', vatTnd: '0.000' },
    ]);
    // VAT 19 + 32.572 + 5.6 = 57.172 ; total 470.550 + 57.172 = 527.722.
    expect(result.totals).toMatchObject({ vatTnd: '57.172', totalTnd: '527.722' });
  });
});
