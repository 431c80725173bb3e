import { FIELD_MESSAGES } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRevenue, created, inDays } from '../../../test/support/records/invoices.js';
import { acceptedQuoteJob } from '../../../test/support/records/jobs.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

// The rule (docs/rules.md, "a document freezes the rate it used"; invoice-parties.ts
// lineFromJobCharge): a Tunisian invoice in foreign currency is converted at the rate of its date,
// so a draft from a job takes the latest reference rate of the day, not the rate the job line froze
// when it was typed. The job page's dialog shows those same amounts (job-invoice-lines.ts).
describe.each(DATABASES)('a draft from a job converts at the rate of the day on %s', (target) => {
  let sales: SalesApi;
  let jobId: string;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    const client = await createClient(sales.as.commercial1, 'Conserverie du Cap Bon');
    jobId = (await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, client.id)).job.id;
    // EUR: an older rate, then the latest one (6 days ago); USD has no reference rate at all.
    for (const [date, rate] of [
      [inDays(-30), '3.300000'],
      [inDays(-6), '3.390000'],
    ]) {
      const res = await sales.as.admin.post('/api/exchange-rates', { currency: 'EUR', date, rate });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const line = { quantity: '1', vatRate: 0 };
    await addRevenue(sales.as.finance1, jobId, {
      ...line,
      description: 'Groupage Radès » Gênes',
      unitPrice: '1078.920',
      currency: 'EUR',
      exchangeRate: '3.350000',
    });
    await addRevenue(sales.as.finance1, jobId, {
      ...line,
      description: 'Assurance',
      unitPrice: '70.000',
      currency: 'EUR',
      exchangeRate: '3.350000',
    });
    await addRevenue(sales.as.finance1, jobId, {
      ...line,
      description: 'Surcharge carburant',
      unitPrice: '100.000',
      currency: 'USD',
      exchangeRate: '3.100000',
    });
  });
  afterAll(() => sales?.close());

  it('EUR lines at the latest rate (3.39, not the job’s 3.35); USD without a rate keeps the job’s', async () => {
    const draft = await created(sales.as.finance1.post('/api/invoices/from-job', { jobId }));
    expect(draft.lines.map((l) => [l.description, l.exchangeRate, l.amountTnd])).toEqual([
      // 1078.920 × 3.39 = 3657.5388 (3614.382 at the job's 3.35)
      ['Groupage Radès » Gênes', '3.390000', '3657.539'],
      // 70 × 3.39 = 237.300 (234.500 at 3.35)
      ['Assurance', '3.390000', '237.300'],
      ['Surcharge carburant', '3.100000', '310.000'],
    ]);
  });

  // An attacker froze 0.000001 TND per euro: the stamp duty then read 1 000 000 EUR.
  it('refuses a typed rate more than twice or less than half the day’s, on every document that freezes one', async () => {
    const client = await createClient(sales.as.commercial1, 'Client en euros');
    const euroLine = { description: 'Fret', quantity: '1', unitPrice: '100', vatRate: 0, currency: 'EUR' };
    const refused = [
      sales.as.finance1.post('/api/invoices', {
        clientId: client.id,
        currency: 'EUR',
        exchangeRate: '0.000001',
        lines: [euroLine],
      }),
      sales.as.finance1.post(`/api/jobs/${jobId}/charges`, {
        ...euroLine,
        side: 'revenue',
        stage: 'actual',
        exchangeRate: '33.9',
      }),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(FIELD_MESSAGES.implausibleRate);
    }
    // A negotiated rate within the bounds is kept as typed.
    const kept = await created(
      sales.as.finance1.post('/api/invoices', {
        clientId: client.id,
        currency: 'EUR',
        exchangeRate: '3.25',
        lines: [{ ...euroLine, exchangeRate: '3.25' }],
      }),
    );
    expect(kept.exchangeRate).toBe('3.250000');
  });
});
