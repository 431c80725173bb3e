import { computeQuoteTotals, type Quote, type QuotePage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAs } from '../../../test/support/records/quotes.js';
import { seedTestDemo } from '../../../test/support/demo.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { demoId } from '../../demo/seed.js';
import { QuotesRepository } from '../persistence/quotes.repository.js';
import { quoteSeedStep } from './quotes.demo.js';

describe.each(DATABASES)('demo quotes on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
    expect(await seedTestDemo(sales, { steps: (get) => [quoteSeedStep(get(QuotesRepository))] })).toEqual({
      seeded: true,
      counts: { clients: 6, leads: 9, opportunities: 14, activities: 12, quotes: 17 },
    });
  });
  afterAll(() => sales?.close());

  it('gives each commercial quotes in several statuses whose stored totals are the computed ones', async () => {
    for (const who of ['commercial1', 'commercial2'] as const) {
      const quotes = (await sales.as[who].get<QuotePage>('/api/quotes?pageSize=100')).body.items;
      // Six quotes each, plus accepted ones whose jobs show every job status (jobs/demo).
      expect(quotes).toHaveLength(who === 'commercial1' ? 9 : 8);
      expect(new Set(quotes.map((q) => q.status))).toEqual(
        new Set(
          who === 'commercial1'
            ? ['draft', 'sent', 'accepted', 'rejected', 'expired']
            : ['draft', 'sent', 'accepted', 'rejected'],
        ),
      );
      for (const row of quotes) {
        expect(row.assignedTo).toEqual([sales.as[who].sub]);
        // List rows carry no lines: the detail has them.
        const q = (await sales.as[who].get<Quote>(`/api/quotes/${row.id}`)).body;
        expect(q.items.length).toBeGreaterThan(1);
        // Each freight line names its charge type, as invoices of its job will.
        for (const line of q.items.filter((i) => i.kind === 'freight')) {
          expect(['OFR', 'AFR', 'RFR', 'BAF']).toContain(line.chargeTypeCode);
        }
        const recomputed = computeQuoteTotals(q.items, {
          currency: q.currency,
          exchangeRate: q.exchangeRate,
        });
        expect(q.totals.totalTnd).toBe(recomputed.totals.totalTnd);
      }
    }
    const accepted = await sales.as.commercial1.get<Quote>(
      `/api/quotes/${demoId('commercial1', 'quote', 'sotupa-marseille')}`,
    );
    expect(accepted.body).toMatchObject({ status: 'accepted', transport: { carrierName: 'CMA CGM' } });
    const air = await sales.as.commercial1.get<Quote>(
      `/api/quotes/${demoId('commercial1', 'quote', 'pharma-cdg')}`,
    );
    // 420 kg, 3.1 m³ by air: 3.1 × 167 = 517.7 kg chargeable, which the freight line bills.
    expect(air.body.chargeableWeight).toEqual({ value: '517.700', unit: 'kg' });
    expect((await sales.as.ops1.get<QuotePage>('/api/quotes')).body.total).toBe(7);
  });

  it('numbers the demo quotes consecutively and renders each as a PDF', async () => {
    const all = (await sales.as.admin.get<QuotePage>('/api/quotes?pageSize=100&sort=number:asc')).body.items;
    expect(all).toHaveLength(17);
    const sequences = all.map((q) => Number(q.number.slice(6, 11)));
    expect(sequences).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const pdf = await fetchAs(sales, 'admin', `/api/quotes/${all[0]?.id}/pdf`);
    expect(pdf.status).toBe(200);
  });
});
