import { describe, expect, it } from 'vitest';
import {
  AwbNumberSchema,
  ContainerNumberSchema,
  formatJobNumber,
  isValidAwbNumber,
  isValidContainerNumber,
  jobNumberPrefix,
  JobChargeCreateSchema,
  JobUpdateSchema,
  jobProfit,
  revenueBasisStage,
} from '../index.js';

describe('job identifiers', () => {
  it('checks ISO 6346 container numbers', () => {
    for (const ok of ['CSQU3054383', 'MSKU9070323', 'TGHU9876542', 'MAEU1234567']) {
      expect(isValidContainerNumber(ok), ok).toBe(true);
    }
    expect(isValidContainerNumber('CSQU3054384')).toBe(false);
    expect(isValidContainerNumber('CSQX3054383')).toBe(false);
    expect(ContainerNumberSchema.parse('csqu 305438-3')).toBe('CSQU3054383');
  });
  it('checks the mod-7 digit of AWB serials', () => {
    expect(isValidAwbNumber('176-12345675')).toBe(true);
    expect(isValidAwbNumber('176-12345674')).toBe(false);
    expect(AwbNumberSchema.parse('17612345675')).toBe('176-12345675');
  });
  it('numbers jobs by mode, direction and year', () => {
    expect(formatJobNumber(jobNumberPrefix('sea_fcl', 'export'), 2026, 12)).toBe('SE26-00012');
    expect(formatJobNumber(jobNumberPrefix('air_express', 'import'), 2026, 1)).toBe('AI26-00001');
    expect(formatJobNumber(jobNumberPrefix('road_ltl', 'export'), 2027, 99_999)).toBe('RE27-99999');
  });
  it('validates job edits and charge lines', () => {
    expect(JobUpdateSchema.safeParse({ version: 1, vesselImo: '9074728' }).success).toBe(false);
    expect(JobUpdateSchema.parse({ version: 1, vesselImo: 'IMO 9074729' }).vesselImo).toBe('9074729');
    expect(JobUpdateSchema.safeParse({ version: 1, etd: '2026-02-02', eta: '2026-02-01' }).success).toBe(
      false,
    );
    const charge = {
      side: 'cost',
      stage: 'actual',
      description: 'THC',
      quantity: '1',
      unitPrice: '10',
      vatRate: 19,
    };
    // The API decides a missing rate (1 for TND, the day's reference rate otherwise).
    expect(JobChargeCreateSchema.parse(charge).exchangeRate).toBeUndefined();
    expect(JobChargeCreateSchema.parse({ ...charge, currency: 'EUR' }).exchangeRate).toBeUndefined();
    expect(JobChargeCreateSchema.safeParse({ ...charge, exchangeRate: '3.4' }).success).toBe(false);
    expect(
      JobChargeCreateSchema.safeParse({ ...charge, side: 'revenue', supplierCode: 'FRN-001' }).success,
    ).toBe(false);
  });
});

describe('job profit', () => {
  const line = (
    side: 'revenue' | 'cost',
    stage: 'planned' | 'actual',
    quantity: string,
    unitPrice: string,
  ) => ({
    side,
    stage,
    quantity,
    unitPrice,
    exchangeRate: '1',
  });

  it('never sets planned sales against actual costs (161 415 planned sales, one actual cost)', () => {
    const lines = [
      line('revenue', 'planned', '1', '161415'),
      line('cost', 'planned', '1', '144245'),
      // 2.5 × 1 234.567 = 3 086.4175 → 3 086.418 (halves away from zero).
      line('cost', 'actual', '2.5', '1234.567'),
    ];
    expect(jobProfit(lines)).toEqual({
      planned: { revenueTnd: '161415.000', costTnd: '144245.000', marginTnd: '17170.000' },
      actual: { revenueTnd: '0.000', costTnd: '3086.418', marginTnd: '-3086.418' },
    });
  });

  it('bills the actual revenue lines once there is one, else the planned ones (actual costs do not count)', () => {
    const planned = line('revenue', 'planned', '1', '100');
    expect(revenueBasisStage([])).toBe('planned');
    expect(revenueBasisStage([planned, line('cost', 'actual', '1', '80')])).toBe('planned');
    expect(revenueBasisStage([planned, line('revenue', 'actual', '1', '120')])).toBe('actual');
  });
});
