import { DashboardSchema, type Dashboard, type Opportunity } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARCH, seedSalesFigures, type SeededFigures } from '../../test/support/records/sales-figures.js';
import { DATABASES, startSalesApi, type SalesApi, type UserClient } from '../../test/support/sales.js';

async function dashboardOf(
  user: UserClient,
  query = `from=${MARCH.from}&to=${MARCH.to}`,
): Promise<Dashboard> {
  const res = await user.get<Dashboard>(`/api/dashboard?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return DashboardSchema.parse(res.body);
}

describe.each(DATABASES)('dashboard on %s', (target) => {
  let sales: SalesApi;
  let seeded: SeededFigures;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    seeded = await seedSalesFigures(sales);
    const admin = sales.as.admin;
    // EUR at 3.000 from 1 March, 3.500 from 1 April: a pipeline seen on 31 March uses 3.000.
    for (const [date, rate] of [
      ['2026-03-01', '3.000000'],
      ['2026-04-01', '3.500000'],
    ] as const) {
      expect((await admin.post('/api/exchange-rates', { currency: 'EUR', date, rate })).status).toBe(201);
    }
    const opportunity = async (user: UserClient, body: Record<string, unknown>) => {
      const res = await user.post<Opportunity>('/api/opportunities', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    const c1 = sales.as.commercial1;
    await opportunity(c1, {
      title: 'O1',
      clientId: seeded.clientA,
      value: { amount: '1000', currency: 'TND' },
    });
    await opportunity(c1, {
      title: 'O2',
      clientId: seeded.clientA,
      stage: 'proposal',
      value: { amount: '200', currency: 'EUR' },
    });
    await opportunity(c1, {
      title: 'O3',
      clientId: seeded.clientB,
      stage: 'negotiation',
      value: { amount: '100', currency: 'USD' },
    });
    await opportunity(sales.as.commercial2, {
      title: 'O4',
      clientId: seeded.otherClient,
      stage: 'proposal',
      value: { amount: '5000', currency: 'TND' },
    });
  });
  afterAll(() => sales?.close());

  it("equals the figures counted by hand for commercial1's March", async () => {
    const d = await dashboardOf(sales.as.commercial1);
    expect(d.period).toEqual(MARCH);
    expect(d.commercialId).toBe(sales.as.commercial1.sub);
    expect(d.operations).toBeNull();
    const s = d.sales;
    if (!s) throw new Error('a commercial gets the sales section');
    // Created in March: Q1, Q2 accepted; Q4 rejected; Q5 draft; Q6 sent (valid 3 more days).
    expect(s.quotesByStatus).toEqual([
      { status: 'draft', count: 1 },
      { status: 'sent', count: 1 },
      { status: 'accepted', count: 2 },
      { status: 'rejected', count: 1 },
      { status: 'cancelled', count: 0 },
      { status: 'expired', count: 0 },
      { status: 'superseded', count: 0 },
    ]);
    // Decided in March: 2 accepted, 1 rejected → 2/3; Q3 (February) is outside.
    expect(s.winRate).toBeCloseTo(2 / 3, 10);
    // 1000 + 500: Q1's 300 of customs duties advanced (débours) are not turnover.
    expect(s.acceptedRevenueTnd).toBe('1500.000');
    expect(s.acceptedMarginTnd).toBe('250.000'); // 200 + 50
    expect(s.monthly.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(s.monthly.filter((m) => m.accepted > 0)).toEqual([
      { month: '2026-02', accepted: 1, revenueTnd: '2000.000', marginTnd: '500.000' },
      { month: '2026-03', accepted: 2, revenueTnd: '1500.000', marginTnd: '250.000' },
    ]);
    expect(s.modes).toEqual([
      { mode: 'sea_fcl', accepted: 1, revenueTnd: '1000.000' },
      { mode: 'air', accepted: 1, revenueTnd: '500.000' },
    ]);
    expect(s.topClients).toEqual([
      { clientId: seeded.clientA, name: 'Alpha Textiles', accepted: 2, revenueTnd: '1500.000' },
    ]);
    // 1000 TND × 10 %; 200 EUR × 3.000 = 600 × 60 %; USD has no rate: counted, not summed.
    expect(s.pipeline).toEqual([
      { stage: 'prospecting', count: 1, valueTnd: '1000.000', weightedTnd: '100.000' },
      { stage: 'qualification', count: 0, valueTnd: '0.000', weightedTnd: '0.000' },
      { stage: 'needs_analysis', count: 0, valueTnd: '0.000', weightedTnd: '0.000' },
      { stage: 'proposal', count: 1, valueTnd: '600.000', weightedTnd: '360.000' },
      { stage: 'negotiation', count: 1, valueTnd: '0.000', weightedTnd: '0.000' },
    ]);
    expect(s.unconvertedCurrencies).toEqual(['USD']);
    expect(s.activities).toEqual({ dueToday: 1, overdue: 1 });
    expect(s.expiringQuotes.count).toBe(1);
    expect(s.expiringQuotes.items.map((q) => q.id)).toEqual([seeded.quotes.q6?.id]);
  });

  it('converts the pipeline at the rate of the last day of the period', async () => {
    const april = await dashboardOf(sales.as.commercial1, 'from=2026-04-01&to=2026-04-30');
    // 200 EUR × 3.500 = 700, × 60 % = 420.
    expect(april.sales?.pipeline.find((p) => p.stage === 'proposal')).toMatchObject({
      valueTnd: '700.000',
      weightedTnd: '420.000',
    });
  });

  it("never shows another commercial's figures to a commercial", async () => {
    const mine = await dashboardOf(sales.as.commercial1);
    const asked = await dashboardOf(
      sales.as.commercial1,
      `from=${MARCH.from}&to=${MARCH.to}&commercialId=${sales.as.commercial2.sub}`,
    );
    expect(asked).toEqual(mine);
    const theirs = await dashboardOf(sales.as.commercial2);
    expect(theirs.sales?.acceptedRevenueTnd).toBe('9999.000');
    expect(theirs.sales?.topClients.map((c) => c.clientId)).toEqual([seeded.otherClient]);
    expect(theirs.sales?.pipeline.find((p) => p.stage === 'proposal')?.valueTnd).toBe('5000.000');
  });

  it("never answers a commercial with another's cached figures (same period, cache warm)", async () => {
    // commercial2 fills the cache first; commercial1 then asks for the same period, twice.
    const theirs = await dashboardOf(sales.as.commercial2);
    const mine = await dashboardOf(sales.as.commercial1);
    expect(mine.commercialId).toBe(sales.as.commercial1.sub);
    expect(mine.sales?.acceptedRevenueTnd).toBe('1500.000');
    expect(theirs.sales?.acceptedRevenueTnd).toBe('9999.000');
    expect(await dashboardOf(sales.as.commercial1)).toEqual(mine);
    expect(await dashboardOf(sales.as.commercial2)).toEqual(theirs);
  });

  it('gives ADMIN everyone, or one commercial with the filter', async () => {
    const all = await dashboardOf(sales.as.admin);
    expect(all.commercialId).toBeNull();
    expect(all.sales?.acceptedRevenueTnd).toBe('11499.000'); // 1500 + 9999
    expect(all.sales?.topClients.map((c) => c.name)).toEqual(['Gamma Concurrent', 'Alpha Textiles']);
    expect(all.operations?.openJobs.find((j) => j.status === 'open')?.count).toBe(4); // Q1, Q2, Q3, Q7
    const one = await dashboardOf(
      sales.as.admin,
      `from=${MARCH.from}&to=${MARCH.to}&commercialId=${sales.as.commercial1.sub}`,
    );
    const own = await dashboardOf(sales.as.commercial1);
    expect(one.sales).toEqual(own.sales);
  });

  it('gives OPERATIONS and FINANCE their widgets only', async () => {
    for (const user of [sales.as.ops1, sales.as.finance1]) {
      const d = await dashboardOf(user);
      expect(d.sales).toBeNull();
      expect(d.operations?.openJobs.map((j) => j.status)).toEqual([
        'open',
        'booked',
        'in_transit',
        'arrived',
        'delivered',
      ]);
    }
  });

  it('defaults the period to the year to date and refuses bad periods', async () => {
    const d = await dashboardOf(sales.as.commercial1, '');
    expect(d.period.to).toBe(d.today);
    expect(d.period.from).toBe(`${d.today.slice(0, 4)}-01-01`);
    const c1 = sales.as.commercial1;
    expect((await c1.get('/api/dashboard?from=2026-03-31&to=2026-03-01')).status).toBe(400);
    expect((await c1.get('/api/dashboard?from=2020-01-01&to=2026-03-01')).status).toBe(400);
    expect((await c1.get('/api/dashboard?from=yesterday')).status).toBe(400);
    expect((await c1.get('/api/dashboard?x=1')).status).toBe(400);
  });
});
