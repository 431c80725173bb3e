import type { JobCharge } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../../../../public/i18n/invoices/en.json';
import fr from '../../../../../public/i18n/invoices/fr.json';
import { foreignCurrencies, jobInvoiceLines, openRevenue } from './job-invoice-lines';
import { formatMoney } from '../../../shared/sales/money';

const charge = (id: string, description: string, unitPrice: string, currency: string, exchangeRate: string) =>
  ({
    id,
    description,
    quantity: '1',
    unitPrice,
    currency,
    exchangeRate,
    vatRate: 0,
    isDisbursement: false,
    // The job's own amount, at the rate it froze: what the dialog used to show.
    amountTnd: 'job amount',
  }) as unknown as JobCharge;

// The tester's job: EUR lines frozen at 3.35 on the job, the rate of 1 Dec is 3.39.
const charges = [
  charge('a', 'Groupage Radès » Gênes', '1078.920', 'EUR', '3.350000'),
  charge('b', 'Assurance', '70.000', 'EUR', '3.350000'),
  charge('c', 'Surcharge carburant', '100.000', 'USD', '3.100000'),
  charge('d', 'THC', '360.000', 'TND', '1'),
];
const dec1 = { date: '2026-12-01', rate: '3.390000' };

describe('jobInvoiceLines: the dialog shows what the draft will bill', () => {
  const { lines, conversions } = jobInvoiceLines(
    charges,
    new Map([
      ['EUR', dec1],
      ['USD', null],
    ]),
  );

  it('foreign lines at the rate of the day when one is published, else at the job line’s rate', () => {
    // Same figures as the API's draft (apps/api/src/invoices/http/invoice-job-rates.test.ts).
    expect(lines.map((l) => [l.id, l.description, l.amountTnd])).toEqual([
      ['a', 'Groupage Radès » Gênes', '3657.539'],
      ['b', 'Assurance', '237.300'],
      ['c', 'Surcharge carburant', '310.000'],
      ['d', 'THC', '360.000'],
    ]);
    expect(lines.map((l) => formatMoney(l.amountTnd, 'TND', 'fr').replace(/\s/g, ' '))).toEqual([
      '3 657,539 TND',
      '237,300 TND',
      '310,000 TND',
      '360,000 TND',
    ]);
  });

  it('says which rate each foreign currency is converted at, in French and English', () => {
    expect(foreignCurrencies(charges)).toEqual(['EUR', 'USD']);
    expect(conversions).toEqual([
      { currency: 'EUR', dayRate: dec1 },
      { currency: 'USD', dayRate: null },
    ]);
    expect(fr.job.rate).toContain('convertis au taux du {{date}} ({{rate}})');
    expect(en.job.rate).toContain('converted at the rate of {{date}} ({{rate}})');
    for (const file of [fr, en]) expect(file.job.rateKept).toContain('{{currency}}');
  });
});

describe('openRevenue: the lines the "Facturer" dialog offers', () => {
  const line = (id: string, side: string, stage: string) => ({ id, side, stage }) as unknown as JobCharge;
  const job = {
    charges: [
      line('q1', 'revenue', 'planned'),
      line('q2', 'revenue', 'planned'),
      line('a1', 'revenue', 'actual'),
      line('a2', 'revenue', 'actual'),
      line('c1', 'cost', 'actual'),
    ],
  };

  it('offers the actual sales once the job has any, as the draft bills (the quote’s estimates left)', () => {
    expect(openRevenue(job, []).map((c) => c.id)).toEqual(['a1', 'a2']);
  });

  it('leaves out the lines an invoice already bills', () => {
    const invoices = [{ lines: [{ jobChargeId: 'a1' }] }] as never;
    expect(openRevenue(job, invoices).map((c) => c.id)).toEqual(['a2']);
  });

  it('offers the quote’s lines while the job has no actual sale', () => {
    const planned = { charges: job.charges.filter((c) => c.stage === 'planned' || c.side === 'cost') };
    expect(openRevenue(planned, []).map((c) => c.id)).toEqual(['q1', 'q2']);
  });
});
