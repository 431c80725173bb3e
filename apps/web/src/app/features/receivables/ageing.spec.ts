import type { AgeingBuckets } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import { AGEING_BUCKETS, ageingChart, bucketOf } from './ageing';

// The demo's overdue client at its seeding date: 1857.000 left 95 days past due, 2143.000 45 days.
const LATE: AgeingBuckets = {
  notDueTnd: '0.000',
  days0to30Tnd: '0.000',
  days31to60Tnd: '2143.000',
  days61to90Tnd: '0.000',
  over90Tnd: '1857.000',
  overdueTnd: '4000.000',
  balanceTnd: '4000.000',
};

describe('receivables ageing', () => {
  it('puts an invoice in the bucket the API sums it in (due today is not due yet)', () => {
    expect([-3, 0, 1, 30, 31, 60, 61, 90, 91, 400].map(bucketOf)).toEqual([
      'notDueTnd',
      'notDueTnd',
      'days0to30Tnd',
      'days0to30Tnd',
      'days31to60Tnd',
      'days31to60Tnd',
      'days61to90Tnd',
      'days61to90Tnd',
      'over90Tnd',
      'over90Tnd',
    ]);
  });

  it('draws one bar per bucket, not due to > 90 days, with the translated labels', () => {
    const config = ageingChart(LATE, (bucket) => `label:${bucket}`);
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(AGEING_BUCKETS.map((b) => `label:${b}`));
    expect(config.data.datasets[0]?.data).toEqual([0, 0, 2143, 0, 1857]);
    // Older debt is drawn in a louder colour: five distinct colours, the oldest red.
    const colours = config.data.datasets[0]?.backgroundColor as string[];
    expect(new Set(colours).size).toBe(5);
    expect(colours[4]).toBe('#b71c1c');
  });
});
