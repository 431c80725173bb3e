import {
  FIELD_MESSAGES,
  JobProfitBreakdownSchema,
  SupplierInvoiceSchema,
  type Invoice,
  type JobDetail,
  type Problem,
  type SupplierInvoice,
  type SupplierInvoicePage,
} from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedQuoteJob } from '../../../test/support/records/jobs.js';
import {
  addActualCharge,
  addRevenue,
  created,
  inDays,
  issue,
  MIXED_LINES,
} from '../../../test/support/records/invoices.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi, type UserClient } from '../../../test/support/sales.js';
import { auditLog } from '../../audit/audit-log.table.js';
import { businessToday } from '../../common/business-day.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';

/** Adds an actual cost line to a job (as FINANCE) and answers its id. */
const addCost = (user: UserClient, jobId: string, line: Record<string, unknown>): Promise<string> =>
  addActualCharge(user, jobId, 'cost', line);

async function recorded(
  res: Promise<{ status: number; body: unknown }>,
  status = 201,
): Promise<SupplierInvoice> {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return SupplierInvoiceSchema.parse(answer.body);
}

describe.each(DATABASES)('supplier invoices and job profit on %s', (target) => {
  let sales: SalesApi;
  let jobId: string;
  /** The job's number as the job read answers it (`SE26-00001`). */
  let jobNumber: string;
  let freight: string;
  let thc: string;
  let handling: string;
  let cma: SupplierInvoice;
  let sfax: SupplierInvoice;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const profit = async (user: UserClient = sales.as.finance1) => {
    const res = await user.get(`/api/jobs/${jobId}/profit`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return JobProfitBreakdownSchema.parse(res.body);
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
    const clientId = (
      await createClient(sales.as.commercial1, 'Huilerie de Sfax', {
        legalName: 'Huilerie de Sfax SARL',
        fiscalId: '1234567A/A/M/000',
        address: '3 avenue Habib Bourguiba',
        city: 'Sfax',
        paymentTermsDays: 30,
      })
    ).id;
    ({
      job: { id: jobId },
    } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId));
    jobNumber = (await sales.as.ops1.get<{ number: string }>(`/api/jobs/${jobId}`)).body.number;
    // Actual costs: 2 × 1499.995 EUR × 3.351234 = 10053.668487… → 10053.668; 350.250; 100.000.
    freight = await addCost(sales.as.finance1, jobId, {
      description: 'Fret CMA CGM',
      quantity: '2',
      unitPrice: '1499.995',
      currency: 'EUR',
      exchangeRate: '3.351234',
      vatRate: 0,
    });
    thc = await addCost(sales.as.finance1, jobId, {
      description: 'THC Radès',
      quantity: '1',
      unitPrice: '350.250',
      currency: 'TND',
      exchangeRate: '1.000000',
      vatRate: 19,
    });
    handling = await addCost(sales.as.finance1, jobId, {
      description: 'Manutention Sfax',
      quantity: '1',
      unitPrice: '100.000',
      currency: 'TND',
      exchangeRate: '1.000000',
      vatRate: 13,
    });
  });
  afterAll(() => sales?.close());

  it('records a supplier invoice against two cost lines: hand-checked TND totals, audited', async () => {
    cma = await recorded(
      sales.as.finance1.post('/api/supplier-invoices', {
        supplierName: 'CMA CGM Tunisie',
        supplierTaxId: '0001234B/A/M/000',
        supplierNumber: 'CMA-2026-0042',
        invoiceDate: inDays(-10),
        dueDate: inDays(20),
        lines: [
          { jobChargeId: freight, amount: '10053.668', vatRate: 0 },
          { jobChargeId: thc, amount: '350.250', vatRate: 19, description: 'THC import' },
        ],
      }),
    );
    // 350.250 × 19 % = 66.5475 → 66.548 ; net 10053.668 + 350.250 = 10403.918 ; total 10470.466.
    expect(cma.lines.map((l) => [l.description, l.amountTnd, l.vatTnd])).toEqual([
      ['Fret CMA CGM', '10053.668', '0.000'],
      ['THC import', '350.250', '66.548'],
    ]);
    expect(cma.totals).toEqual({
      netTnd: '10403.918',
      vatTnd: '66.548',
      vatBreakdown: [
        { rate: 19, baseTnd: '350.250', vatTnd: '66.548' },
        { rate: 0, baseTnd: '10053.668', vatTnd: '0.000' },
      ],
      disbursementsTnd: '0.000',
      totalTnd: '10470.466',
      totalCurrency: null,
    });
    expect(cma).toMatchObject({
      currency: 'TND',
      exchangeRate: '1.000000',
      paid: false,
      paidOn: null,
      jobIds: [jobId],
      jobs: [{ id: jobId, number: jobNumber }],
    });
    expect(jobNumber).toMatch(/^[A-Z]{2}\d{2}-\d{5}$/);
    expect(cma.lines[0]).toMatchObject({ jobId, jobChargeId: freight, jobNumber });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'supplier_invoice'), eq(auditLog.entityId, cma.id)));
    expect(audits.map((a) => [a.action, a.actor])).toEqual([['create', sales.as.finance1.sub]]);
  });

  it('a foreign-currency invoice at 13 %: amount × frozen rate, VAT on the rounded base', async () => {
    sfax = await recorded(
      sales.as.admin.post('/api/supplier-invoices', {
        supplierName: 'Transit Sfax',
        supplierNumber: 'TS-77',
        invoiceDate: inDays(-3),
        currency: 'EUR',
        exchangeRate: '3.400000',
        lines: [{ jobChargeId: handling, amount: '30.000', vatRate: 13 }],
      }),
    );
    // 30 × 3.4 = 102.000 ; 13 % = 13.260 ; total 115.260 TND = 33.900 EUR.
    expect(sfax.totals).toMatchObject({
      netTnd: '102.000',
      vatTnd: '13.260',
      totalTnd: '115.260',
      totalCurrency: '33.900',
    });
  });

  it('refuses a cost line matched twice, a revenue line, and the same supplier number twice', async () => {
    const twice = await sales.as.finance1.post('/api/supplier-invoices', {
      supplierName: 'Autre',
      supplierNumber: 'X-1',
      invoiceDate: inDays(-1),
      lines: [{ jobChargeId: freight, amount: '1.000', vatRate: 0 }],
    });
    expect(twice.status).toBe(409);
    const sameLineTwice = await sales.as.finance1.post('/api/supplier-invoices', {
      supplierName: 'Autre',
      supplierNumber: 'X-2',
      invoiceDate: inDays(-1),
      lines: [
        { jobChargeId: freight, amount: '1.000', vatRate: 0 },
        { jobChargeId: freight, amount: '1.000', vatRate: 0 },
      ],
    });
    expect(sameLineTwice.status).toBe(400);
    const job = await sales.as.finance1.get<JobDetail>(`/api/jobs/${jobId}`);
    const revenueLine = job.body.charges.find((c) => c.side === 'revenue');
    const revenue = await sales.as.finance1.post('/api/supplier-invoices', {
      supplierName: 'Autre',
      supplierNumber: 'X-3',
      invoiceDate: inDays(-1),
      lines: [{ jobChargeId: revenueLine!.id, amount: '1.000', vatRate: 0 }],
    });
    expect(revenue.status).toBe(400);
    // Same supplier (case and spaces aside), same number: 409 even on a free cost line.
    const spare = await addCost(sales.as.finance1, jobId, {
      description: 'Frais divers',
      quantity: '1',
      unitPrice: '10.000',
      currency: 'TND',
      exchangeRate: '1.000000',
      vatRate: 0,
    });
    const duplicate = await sales.as.finance1.post('/api/supplier-invoices', {
      supplierName: ' cma cgm tunisie',
      supplierNumber: 'cma-2026-0042',
      invoiceDate: inDays(-1),
      lines: [{ jobChargeId: spare, amount: '10.000', vatRate: 0 }],
    });
    expect(duplicate.status).toBe(409);
    const removed = await sales.as.finance1.delete(`/api/jobs/${jobId}/charges/${spare}`);
    expect(removed.status).toBe(200);
  });

  it('marks paid with the version (stale → 409); paid date defaults to today', async () => {
    const paid = await recorded(
      sales.as.finance1.patch(`/api/supplier-invoices/${cma.id}`, { version: cma.version, paid: true }),
      200,
    );
    expect(paid).toMatchObject({ paid: true, paidOn: businessToday(), version: cma.version + 1 });
    expect(paid.totals.totalTnd).toBe('10470.466');
    const stale = await sales.as.finance1.patch(`/api/supplier-invoices/${cma.id}`, {
      version: cma.version,
      paid: false,
    });
    expect(stale.status).toBe(409);
    // A document received and money paid are never dated after today (both named on their field).
    const ahead = await sales.as.finance1.patch<Problem>(`/api/supplier-invoices/${cma.id}`, {
      version: paid.version,
      invoiceDate: inDays(1),
      paidOn: inDays(3),
    });
    expect(ahead.status).toBe(400);
    expect(ahead.body.errors).toEqual([
      { field: 'invoiceDate', message: FIELD_MESSAGES.afterToday, code: 'afterToday' },
      { field: 'paidOn', message: FIELD_MESSAGES.afterToday, code: 'afterToday' },
    ]);
    cma = paid;
  });

  it('job profit: planned vs actual vs invoiced, hand-checked, net of credit notes', async () => {
    // Actual revenue: 8500.000 + 360.000 + 450.500 + 1234.567 = 10545.067, billed and issued.
    for (const line of MIXED_LINES) await addRevenue(sales.as.finance1, jobId, line);
    const draft = await created(sales.as.finance1.post('/api/invoices/from-job', { jobId }));
    const invoice: Invoice = await issue(sales.as.finance1, draft);
    // A credit note for one of the two THC containers: 180.000 HT off the invoiced revenue.
    const thcLine = invoice.lines.find((l) => l.description === 'THC départ')!;
    await created(
      sales.as.finance1.post(`/api/invoices/${invoice.id}/credit-notes`, {
        reason: 'Un conteneur annulé',
        lines: [{ invoiceLineId: thcLine.id, quantity: '1' }],
      }),
    );
    // Planned (the quote, hand-checked in jobs.test.ts): 14374.567 − 11844.567 = 2530.000.
    // Actual cost: 10053.668 + 350.250 + 100.000 = 10503.918 ; margin 10545.067 − 10503.918 = 41.149.
    // Invoiced: revenue 10545.067 − 180.000 = 10365.067 ; cost 10403.918 + 102.000 = 10505.918 ;
    // margin 10365.067 − 10505.918 = −140.851.
    expect(await profit()).toEqual({
      jobId,
      planned: { revenueTnd: '14374.567', costTnd: '11844.567', marginTnd: '2530.000' },
      actual: { revenueTnd: '10545.067', costTnd: '10503.918', marginTnd: '41.149' },
      invoiced: { revenueTnd: '10365.067', costTnd: '10505.918', marginTnd: '-140.851' },
      revenueLinesUninvoiced: 0,
      costLinesUninvoiced: 0,
    });
    // An archived supplier invoice no longer counts: its cost line is uninvoiced again.
    const archived = await sales.as.finance1.post(`/api/supplier-invoices/${sfax.id}/archive`, {
      version: sfax.version,
    });
    expect(archived.status).toBe(200);
    expect((await profit(sales.as.ops1)).invoiced).toEqual({
      revenueTnd: '10365.067',
      costTnd: '10403.918',
      marginTnd: '-38.851',
    });
    expect((await profit()).costLinesUninvoiced).toBe(1);
  });

  it('OPERATIONS reads supplier invoices but never writes; COMMERCIAL gets 403 everywhere', async () => {
    const list = await sales.as.ops1.get<SupplierInvoicePage>(
      `/api/supplier-invoices?jobId=${jobId}&archived=all`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.supplierNumber).sort()).toEqual(['CMA-2026-0042', 'TS-77']);
    // The list names each invoice's job by its number (what the SPA's job link shows).
    expect(list.body.items.map((i) => i.jobs)).toEqual([
      [{ id: jobId, number: jobNumber }],
      [{ id: jobId, number: jobNumber }],
    ]);
    expect((await sales.as.ops1.get(`/api/supplier-invoices/${cma.id}`)).status).toBe(200);
    const write = await sales.as.ops1.patch(`/api/supplier-invoices/${cma.id}`, {
      version: cma.version,
      paid: false,
    });
    expect(write.status).toBe(403);
    const create = await sales.as.ops1.post('/api/supplier-invoices', {});
    expect(create.status).toBe(403);
    expect((await sales.as.commercial1.get('/api/supplier-invoices')).status).toBe(403);
    expect((await sales.as.commercial1.get(`/api/supplier-invoices/${cma.id}`)).status).toBe(403);
    expect((await sales.as.commercial1.get(`/api/jobs/${jobId}/profit`)).status).toBe(403);
    const paidOnly = await sales.as.finance1.get<SupplierInvoicePage>(
      '/api/supplier-invoices?paid=true&sort=invoiceDate:asc',
    );
    expect(paidOnly.body.items.map((i) => i.id)).toEqual([cma.id]);
  });
});
