import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../test/support/records/invoices.js';
import { MARCH, seedSalesFigures } from '../../test/support/records/sales-figures.js';
import { DATABASES, startSalesApi, type SalesApi, type UserClient } from '../../test/support/sales.js';
import { targetPeriodText } from './sales-report-files.js';
import { REPORT_LABELS } from './sales-report-labels.js';

const period = `from=${MARCH.from}&to=${MARCH.to}`;

/** The CSV's rows as objects keyed by the English headers. */
async function csvRows(user: UserClient, query: string): Promise<Record<string, string>[]> {
  const res = await user.raw(`/api/reports/sales.csv?${query}&lang=en&sep=,`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  const text = (await res.text()).replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
}

describe.each(DATABASES)('sales report on %s', (target) => {
  let sales: SalesApi;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    await seedSalesFigures(sales);
    const target1 = {
      commercialId: sales.as.commercial1.sub,
      period: 'month',
      periodStart: '2026-03-01',
      revenueTnd: '3000',
      newClients: 4,
    };
    expect((await sales.as.admin.post('/api/sales-targets', target1)).status).toBe(201);
  });
  afterAll(() => sales?.close());

  it('gives a commercial their own row only, with the figures counted by hand', async () => {
    const c1 = sales.as.commercial1;
    const rows = await csvRows(c1, period);
    expect(rows).toEqual([
      {
        Id: c1.sub,
        'Sales rep': expect.any(String) as string,
        'Activities done': '1',
        'Leads created': '2',
        'Leads converted': '1',
        'Quotes sent': '4', // Q1, Q2, Q4, Q6 (Q3 was sent in February)
        'Quotes accepted': '2',
        'Quotes lost': '1',
        'Loss reasons': 'Prix trop élevé (1)',
        'Accepted revenue excl. VAT (TND)': '1500.000',
        'Margin (TND)': '250.000',
        'Target period': '2026-03',
        'Revenue target (TND)': '3000.000',
        'Revenue reached (%)': '50.0',
        'Margin target (TND)': '',
        'New clients': '2',
        'New clients target': '4',
        'Quotes sent target': '',
      },
    ]);
    // Asking for another commercial changes nothing: still their own row.
    const asked = await csvRows(c1, `${period}&commercialId=${sales.as.commercial2.sub}`);
    expect(asked.map((r) => r.Id)).toEqual([c1.sub]);
  });

  it('gives ADMIN every commercial, or one with the filter', async () => {
    const rows = await csvRows(sales.as.admin, period);
    const byId = new Map(rows.map((r) => [r.Id, r]));
    expect(byId.get(sales.as.commercial1.sub)?.['Accepted revenue excl. VAT (TND)']).toBe('1500.000');
    expect(byId.get(sales.as.commercial2.sub)?.['Accepted revenue excl. VAT (TND)']).toBe('9999.000');
    const one = await csvRows(sales.as.admin, `${period}&commercialId=${sales.as.commercial2.sub}`);
    expect(one.map((r) => r.Id)).toEqual([sales.as.commercial2.sub]);
  });

  it('French headers and ; by default', async () => {
    const res = await sales.as.commercial1.raw(`/api/reports/sales.csv?${period}`);
    const header = (await res.text()).replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header).toContain('Commercial;Activités réalisées;Prospects créés');
    expect(res.headers.get('content-disposition')).toContain('sales-report_2026-03-01_2026-03-31.csv');
  });

  it("renders the PDF with the letterhead, its share of the goal written the language's way", async () => {
    for (const [lang, share] of [
      ['fr', /\(50,0\s%\)/],
      ['en', /\(50\.0%\)/],
    ] as const) {
      const res = await sales.as.commercial1.raw(`/api/reports/sales.pdf?${period}&lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const text = await pdfText(Buffer.from(await res.arrayBuffer()));
      // 1 500 reached of a 3 000 goal: "50,0 %" in French, not "50.0 %".
      expect(text).toMatch(share);
    }
  });

  it('is refused to roles without reports and to bad periods', async () => {
    expect((await sales.as.ops1.raw(`/api/reports/sales.csv?${period}`)).status).toBe(403);
    expect((await sales.as.finance1.raw(`/api/reports/sales.pdf?${period}`)).status).toBe(403);
    expect(
      (await sales.as.commercial1.raw('/api/reports/sales.csv?from=2026-04-01&to=2026-03-01')).status,
    ).toBe(400);
    expect((await sales.as.commercial1.raw('/api/reports/sales.csv?sep=x')).status).toBe(400);
  });
});

describe('target period text', () => {
  const target = (period: 'month' | 'quarter' | 'year', periodStart: string) => ({
    period,
    periodStart,
    revenueTnd: null,
    marginTnd: null,
    newClients: null,
    quotesSent: null,
    progress: { revenueTnd: '0', marginTnd: '0', newClients: 0, quotesSent: 0 },
  });

  it('names the month, quarter (per language) or year of the target', () => {
    expect(targetPeriodText(target('month', '2026-12-01'), REPORT_LABELS.en)).toBe('2026-12');
    expect(targetPeriodText(target('quarter', '2026-10-01'), REPORT_LABELS.en)).toBe('2026-Q4');
    expect(targetPeriodText(target('quarter', '2026-04-01'), REPORT_LABELS.fr)).toBe('2026-T2');
    expect(targetPeriodText(target('year', '2026-01-01'), REPORT_LABELS.fr)).toBe('2026');
    expect(targetPeriodText(null, REPORT_LABELS.fr)).toBe('');
  });
});
