import { PROBLEM_TYPES, type JobDetail, type JobPage, type JobProfitBreakdown } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRevenue, created, issue } from '../../../test/support/records/invoices.js';
import { acceptedQuoteJob } from '../../../test/support/records/jobs.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

// A job line an invoice bills is frozen on the job (billed-charge-lock.ts): a tester changed and
// deleted billed lines as OPERATIONS, and the job's invoiced column then disagreed with the invoice.
describe.each(DATABASES)('a billed job line is frozen on %s', (target) => {
  let sales: SalesApi;
  let jobId: string;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    const client = await createClient(sales.as.commercial1, 'Huilerie de Sfax');
    jobId = (await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, client.id)).job.id;
  });
  afterAll(() => sales?.close());

  const line = { quantity: '1', currency: 'TND', vatRate: 19 };

  it('refuses a change or a deletion of a line on a draft, then on the issued invoice; others stay free', async () => {
    const thc = await addRevenue(sales.as.finance1, jobId, {
      ...line,
      description: 'THC départ',
      unitPrice: '320',
    });
    const bl = await addRevenue(sales.as.finance1, jobId, {
      ...line,
      description: 'Émission BL',
      unitPrice: '90',
    });
    const draft = await created(sales.as.finance1.post('/api/invoices/from-job', { jobId }));
    expect(draft.lines.map((l) => l.jobChargeId).sort()).toEqual([thc, bl].sort());

    const charge = (id: string) => `/api/jobs/${jobId}/charges/${id}`;
    const onDraft = await sales.as.ops1.patch(charge(thc), { version: 1, unitPrice: '330' });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body).toMatchObject({
      type: PROBLEM_TYPES.invalidState,
      invoiceId: draft.id,
      invoiceNumber: null,
    });
    expect((await sales.as.ops1.delete(charge(bl))).status).toBe(409);

    const issued = await issue(sales.as.finance1, draft);
    const edit = await sales.as.finance1.patch(charge(thc), { version: 1, description: 'THC' });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ invoiceNumber: issued.number });
    const removal = await sales.as.ops1.delete(charge(bl));
    expect(removal.status).toBe(409);
    expect(JSON.stringify(removal.body)).toContain(issued.number);

    // Nothing moved: the lines as they were, the invoiced column the invoice's 410.000 HT.
    const job = await sales.as.ops1.get<JobDetail>(`/api/jobs/${jobId}`);
    // The job names the invoice of each billed line, so its page can show them frozen.
    expect(job.body.billedCharges).toEqual({
      [thc]: { invoiceId: draft.id, invoiceNumber: issued.number },
      [bl]: { invoiceId: draft.id, invoiceNumber: issued.number },
    });
    const billed = job.body.charges.filter((c) => c.id === thc || c.id === bl);
    expect(billed.map((c) => [c.unitPrice, c.version]).sort()).toEqual([
      ['320.000', 1],
      ['90.000', 1],
    ]);
    const profit = await sales.as.ops1.get<JobProfitBreakdown>(`/api/jobs/${jobId}/profit`);
    expect(profit.body.invoiced.revenueTnd).toBe('410.000');

    // A line no invoice bills is edited and deleted as before.
    const free = await addRevenue(sales.as.ops1, jobId, {
      ...line,
      description: 'Magasinage',
      unitPrice: '40',
    });
    expect((await sales.as.ops1.patch<JobDetail>(charge(free), { version: 1, unitPrice: '45' })).status).toBe(
      200,
    );
    expect((await sales.as.ops1.delete(charge(free))).status).toBe(200);
  });

  it('keeps a job its invoices still bill from being cancelled, and a cancelled job from being billed', async () => {
    const client = await createClient(sales.as.commercial1, 'Conserverie du Cap Bon');
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, client.id);
    await addRevenue(sales.as.finance1, job.id, { ...line, description: 'Fret', unitPrice: '500' });
    const cancel = async () => {
      const now = await sales.as.ops1.get<JobDetail>(`/api/jobs/${job.id}`);
      return sales.as.ops1.post<JobDetail>(`/api/jobs/${job.id}/cancel`, {
        version: now.body.version,
        reason: 'Client parti ailleurs',
      });
    };
    // Finance's "to invoice" list: the job while a revenue line is unbilled, not once a draft bills it.
    const toInvoice = async () =>
      (await sales.as.finance1.get<JobPage>('/api/jobs?toInvoice=true&pageSize=100')).body.items.map(
        (j) => j.id,
      );
    expect(await toInvoice()).toContain(job.id);
    const draft = await created(sales.as.finance1.post('/api/invoices/from-job', { jobId: job.id }));
    expect(await toInvoice()).not.toContain(job.id);
    const whileDraft = await cancel();
    expect(whileDraft.status).toBe(409);
    expect(whileDraft.body).toMatchObject({ invoiceNumbers: [], draftInvoices: 1 });
    const issued = await issue(sales.as.finance1, draft);
    const whileIssued = await cancel();
    expect(whileIssued.body).toMatchObject({ invoiceNumbers: [issued.number], draftInvoices: 0 });
    // Credited in full, the invoice no longer bills the job: it is cancelled, then never billed.
    await created(sales.as.finance1.post(`/api/invoices/${issued.id}/credit-notes`, { reason: 'Annulé' }));
    const done = await cancel();
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('cancelled');
    const again = await sales.as.finance1.post('/api/invoices/from-job', { jobId: job.id });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('is cancelled');
  });
});
