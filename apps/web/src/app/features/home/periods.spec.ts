import { describe, expect, it } from 'vitest';

import { periodName, periodStartOf, presetPeriod } from './periods';

describe('dashboard periods', () => {
  it('computes each preset up to today', () => {
    expect(presetPeriod('month', '2026-05-17')).toEqual({ from: '2026-05-01', to: '2026-05-17' });
    expect(presetPeriod('quarter', '2026-05-17')).toEqual({ from: '2026-04-01', to: '2026-05-17' });
    expect(presetPeriod('year', '2026-05-17')).toEqual({ from: '2026-01-01', to: '2026-05-17' });
    expect(presetPeriod('last12', '2026-05-17')).toEqual({ from: '2025-06-01', to: '2026-05-17' });
  });

  it('gives the first day of a target period', () => {
    expect(periodStartOf('month', '2026-05-17')).toBe('2026-05-01');
    expect(periodStartOf('quarter', '2026-05-17')).toBe('2026-04-01');
    expect(periodStartOf('quarter', '2026-12-31')).toBe('2026-10-01');
    expect(periodStartOf('year', '2026-05-17')).toBe('2026-01-01');
  });

  it('names a target period as people say it, in the language asked', () => {
    expect(periodName('month', '2026-12-01', 'fr')).toEqual({
      key: 'targets.of.month',
      params: { year: '2026', month: 'décembre 2026' },
    });
    expect(periodName('month', '2026-12-01', 'en').params.month).toBe('December 2026');
    expect(periodName('month', '2026-01-01', 'en').params.month).toBe('January 2026');
    expect(periodName('quarter', '2026-10-01', 'fr')).toEqual({
      key: 'targets.of.quarter',
      params: { year: '2026', quarter: 4 },
    });
    expect(periodName('quarter', '2026-01-01', 'en').params.quarter).toBe(1);
    expect(periodName('year', '2026-01-01', 'en')).toEqual({
      key: 'targets.of.year',
      params: { year: '2026' },
    });
  });
});
