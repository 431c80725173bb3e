import { describe, expect, it } from 'vitest';

import { shipmentGroups } from './shipments-card';

describe('the shipments to follow', () => {
  it('asks the jobs list for the late ones, and those leaving or arriving within a week', () => {
    expect(shipmentGroups('2026-12-29')).toEqual([
      { name: 'late', filters: { overdue: 'true' }, sort: 'eta:asc' },
      {
        name: 'departing',
        filters: { status: 'open,booked', etdFrom: '2026-12-29', etdTo: '2027-01-05' },
        sort: 'etd:asc',
      },
      {
        name: 'arriving',
        filters: { status: 'in_transit', etaFrom: '2026-12-29', etaTo: '2027-01-05' },
        sort: 'eta:asc',
      },
    ]);
  });
});
