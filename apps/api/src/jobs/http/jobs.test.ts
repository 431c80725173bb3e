import {
  JobDetailSchema,
  JobPageSchema,
  parseQuoteNumber,
  type JobDetail,
  type JobPage,
} from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedQuoteJob, badFields } from '../../../test/support/records/jobs.js';
import { createClient, createContact, publicJson, sentQuote } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { auditLog } from '../../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { jobs } from '../persistence/jobs.table.js';

describe.each(DATABASES)('job files on %s', (target) => {
  let sales: SalesApi;
  let clientId: string;
  let otherClientId: string;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const jobsOfQuote = (quoteId: string) => db().select().from(jobs).where(eq(jobs.quoteId, quoteId));

  beforeAll(async () => {
    sales = await startSalesApi(target);
    clientId = (await createClient(sales.as.commercial1, 'Textiles du Sahel SA')).id;
    otherClientId = (await createClient(sales.as.commercial2, 'Hamburg Import GmbH')).id;
  });
  afterAll(async () => {
    await sales?.close();
  });

  it('accepting a quote opens exactly one job with what the quote and the acceptance said', async () => {
    const contact = await createContact(sales.as.commercial1, clientId, {
      firstName: 'Amel',
      lastName: 'Ben Salah',
    });
    const { quote } = await sentQuote(sales.as.commercial1, clientId, { contactId: contact.id });
    const accepted = await sales.as.commercial1.post(`/api/quotes/${quote.id}/accept`, {
      version: quote.version,
      transport: {
        carrierName: 'CMA CGM',
        vesselName: 'CMA CGM Tage',
        voyageNumber: '0TX5RN',
        bookingReference: 'BKG-778',
        etd: '2030-03-02',
        eta: '2030-03-06',
      },
    });
    expect(accepted.status).toBe(200);
    const rows = await jobsOfQuote(quote.id);
    expect(rows).toHaveLength(1);
    const job = JobDetailSchema.parse((await sales.as.ops1.get<JobDetail>(`/api/jobs/${rows[0]!.id}`)).body);
    expect(job.number).toMatch(/^SE\d{2}-\d{5}$/);
    expect(job).toMatchObject({
      status: 'open',
      quoteId: quote.id,
      quoteNumber: quote.number,
      clientId,
      clientName: 'Textiles du Sahel SA',
      contactId: contact.id,
      contactName: 'Amel Ben Salah',
      mode: 'sea_fcl',
      direction: 'export',
      incoterm: 'FOB',
      origin: { locationCode: 'TNRDS' },
      containersRequested: [{ type: '40HC', count: 2 }],
      carrierName: 'CMA CGM',
      vesselName: 'CMA CGM Tage',
      voyageNumber: '0TX5RN',
      bookingNumber: 'BKG-778',
      etd: '2030-03-02',
      eta: '2030-03-06',
      polCode: 'TNRDS',
      podCode: 'FRMRS',
      shipperId: clientId,
      assignedTo: [],
      overdue: false,
    });
    // The quote's lines: sell side as planned revenue, buy side as planned cost (zero prices left out).
    const planned = job.charges.filter((c) => c.stage === 'planned');
    expect(planned.filter((c) => c.side === 'revenue')).toHaveLength(4);
    expect(planned.filter((c) => c.side === 'cost')).toHaveLength(3);
    expect(job.profit.planned).toEqual({
      revenueTnd: '14374.567',
      costTnd: '11844.567',
      marginTnd: '2530.000',
    });
    const created = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'job'), eq(auditLog.entityId, job.id)));
    expect(created.map((a) => [a.action, a.actor])).toEqual([['create', sales.as.commercial1.sub]]);
  });

  it('the public link opens the job too; POST /quotes/:id/job is idempotent (200) and 409 before acceptance', async () => {
    const { quote, token } = await sentQuote(sales.as.commercial1, clientId);
    expect((await sales.as.ops1.post(`/api/quotes/${quote.id}/job`)).status).toBe(404); // ops sees accepted quotes only
    expect((await sales.as.admin.post(`/api/quotes/${quote.id}/job`)).status).toBe(409);
    expect((await publicJson(sales, `/api/public/quotes/${token}/accept`, {})).status).toBe(200);
    const [row] = await jobsOfQuote(quote.id);
    expect(row?.createdBy).toBe('public-link');
    const again = await sales.as.ops1.post<JobDetail>(`/api/quotes/${quote.id}/job`);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(row?.id);
    expect(await jobsOfQuote(quote.id)).toHaveLength(1);
    expect((await sales.as.commercial1.post(`/api/quotes/${quote.id}/job`)).status).toBe(403);
  });

  it('staff and public link accepting at once: one acceptance, one job', async () => {
    for (let round = 0; round < 3; round++) {
      const { quote, token } = await sentQuote(sales.as.commercial1, clientId);
      const answers = await Promise.all([
        sales.as.commercial1.post(`/api/quotes/${quote.id}/accept`, {
          version: quote.version,
          transport: {},
        }),
        publicJson(sales, `/api/public/quotes/${token}/accept`, {}),
        sales.as.ops1.post(`/api/quotes/${quote.id}/job`),
      ]);
      const accepts = [answers[0].status, answers[1].status].sort().join();
      expect(accepts).toBe('200,409');
      // The manual opener either finds the job (200) or comes before the acceptance: OPERATIONS sees
      // accepted quotes only (404), or the quote is not accepted yet (409).
      expect([200, 404, 409]).toContain(answers[2].status);
      expect(await jobsOfQuote(quote.id)).toHaveLength(1);
    }
  });

  it('numbers are gapless per series under concurrent acceptances', async () => {
    const quotes = await Promise.all(
      Array.from({ length: 6 }, () => sentQuote(sales.as.commercial1, clientId)),
    );
    await Promise.all(
      quotes.map(({ quote }) =>
        sales.as.commercial1.post(`/api/quotes/${quote.id}/accept`, {
          version: quote.version,
          transport: {},
        }),
      ),
    );
    const all = await db().select({ number: jobs.number, prefix: jobs.prefix }).from(jobs);
    const sea = all
      .filter((j) => j.prefix === 'SE')
      .map((j) => Number(j.number.slice(-5)))
      .sort((a, b) => a - b);
    expect(sea).toEqual(Array.from({ length: sea.length }, (_, i) => i + 1));
    expect(parseQuoteNumber(quotes[0]!.quote.number)).not.toBeNull();
  });

  it('COMMERCIAL reads the jobs of their clients only; COMMERCIAL and FINANCE job writes are refused with 403', async () => {
    const mine = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const theirs = await acceptedQuoteJob(sales.as.commercial2, sales.as.ops1, otherClientId);
    expect((await sales.as.commercial1.get(`/api/jobs/${mine.job.id}`)).status).toBe(200);
    expect((await sales.as.commercial1.get(`/api/jobs/${theirs.job.id}`)).status).toBe(404);
    expect((await sales.as.commercial1.get(`/api/jobs/${theirs.job.id}/timeline`)).status).toBe(404);
    const list = JobPageSchema.parse(
      (await sales.as.commercial1.get<JobPage>('/api/jobs?pageSize=100')).body,
    );
    expect(list.items.every((j) => j.clientId === clientId)).toBe(true);
    const all = (await sales.as.finance1.get<JobPage>(`/api/jobs?clientId=${otherClientId}`)).body;
    expect(all.items.map((j) => j.id)).toContain(theirs.job.id);
    const patch = await sales.as.commercial1.patch(`/api/jobs/${mine.job.id}`, { version: 1, notes: 'x' });
    expect(patch.status).toBe(403);
    const container = { number: 'CSQU3054383', sizeType: '45G1' };
    expect((await sales.as.commercial1.post(`/api/jobs/${mine.job.id}/containers`, container)).status).toBe(
      403,
    );
    expect((await sales.as.finance1.post(`/api/jobs/${mine.job.id}/containers`, container)).status).toBe(403);
    // FINANCE edits cost lines (job-parts.test.ts), never the job itself.
    const url = `/api/jobs/${mine.job.id}`;
    const version = mine.job.version;
    expect((await sales.as.finance1.patch(url, { version, notes: 'x' })).status).toBe(403);
    expect((await sales.as.finance1.post(`${url}/cancel`, { version, reason: 'x' })).status).toBe(403);
    expect((await sales.as.finance1.post(`${url}/close`, { version })).status).toBe(403);
    expect((await sales.as.commercial1.post(`${url}/cancel`, { version, reason: 'x' })).status).toBe(403);
    const unchanged = (await sales.as.ops1.get<JobDetail>(url)).body;
    expect(unchanged).toMatchObject({ version, status: 'open', notes: mine.job.notes });
  });

  it('edits carry the version (409 when stale) and bad IMO / AWB / dates answer 400 naming the field', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const url = `/api/jobs/${job.id}`;
    const bad = await sales.as.ops1.patch(url, {
      version: job.version,
      vesselImo: '9074728',
      mawbNumber: '176-12345674',
    });
    expect(bad.status).toBe(400);
    expect(badFields(bad.body).sort()).toEqual(['mawbNumber', 'vesselImo']);
    const late = await sales.as.ops1.patch(url, {
      version: job.version,
      etd: '2030-05-02',
      eta: '2030-05-01',
    });
    expect(badFields(late.body)).toEqual(['eta']);
    const ok = await sales.as.ops1.patch<JobDetail>(url, {
      version: job.version,
      vesselImo: 'IMO 9074729',
      carrierCode: 'ARM-001',
      mblNumber: 'MEDU1234567',
      hblNumber: 'VEL-HBL-1',
      etd: '2030-05-01',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ vesselImo: '9074729', version: job.version + 1, etd: '2030-05-01' });
    expect(ok.body.carrierName).not.toBeNull();
    expect((await sales.as.ops1.patch(url, { version: job.version, notes: 'stale' })).status).toBe(409);
    const unknown = await sales.as.ops1.patch(url, { version: job.version + 1, carrierCode: 'ARM-999' });
    expect(badFields(unknown.body)).toEqual(['carrierCode']);
    const found = await sales.as.ops1.get<JobPage>('/api/jobs?q=VEL-HBL-1');
    expect(found.body.items.map((j) => j.id)).toEqual([job.id]);
  });

  it('sorts by the dates the list shows: the actual arrival once recorded, else the estimate', async () => {
    const early = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId, {
      eta: '2019-06-20',
    });
    const late = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId, { eta: '2019-06-10' });
    // The first arrived on the 5th, before the other's estimate of the 10th.
    const arrived = await sales.as.ops1.post(`/api/jobs/${early.job.id}/milestones`, {
      kind: 'arrived',
      occurredAt: '2019-06-05T10:00:00Z',
    });
    expect(arrived.status).toBe(201);
    const ids = (await sales.as.ops1.get<JobPage>('/api/jobs?sort=eta:asc&pageSize=100')).body.items.map(
      (j) => j.id,
    );
    expect(ids.indexOf(early.job.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(early.job.id)).toBeLessThan(ids.indexOf(late.job.id));
    // Jobs without a date come last, descending as ascending (a tester's first page was all "—").
    const latest = (await sales.as.ops1.get<JobPage>('/api/jobs?sort=eta:desc&pageSize=100')).body.items;
    const dated = latest.map((j) => (j.ata ?? j.eta) !== null);
    expect(dated[0]).toBe(true);
    expect(dated).toContain(false);
    expect(dated.slice(dated.indexOf(false))).not.toContain(true);
  });

  it('lists with filters and the sort allowlist; cancel needs a reason, close needs delivered', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId, {
      etd: '2020-01-01',
      eta: '2020-01-10',
    });
    const overdue = await sales.as.ops1.get<JobPage>('/api/jobs?overdue=true&pageSize=100');
    expect(overdue.body.items.map((j) => j.id)).toContain(job.id);
    expect(overdue.body.items.every((j) => j.overdue)).toBe(true);
    const sorted = await sales.as.ops1.get<JobPage>(
      '/api/jobs?sort=clientName:asc&status=open,booked&mode=sea_fcl',
    );
    expect(sorted.status).toBe(200);
    expect((await sales.as.ops1.get('/api/jobs?sort=notes:asc')).status).toBe(400);
    expect((await sales.as.ops1.get('/api/jobs?pageSize=101')).status).toBe(400);
    const url = `/api/jobs/${job.id}`;
    expect((await sales.as.ops1.post(`${url}/close`, { version: job.version })).status).toBe(409);
    expect((await sales.as.ops1.post(`${url}/cancel`, { version: job.version })).status).toBe(400);
    const cancelled = await sales.as.ops1.post<JobDetail>(`${url}/cancel`, {
      version: job.version,
      reason: 'Client withdrew',
    });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Client withdrew',
      overdue: false,
    });
    expect((await sales.as.ops1.patch(url, { version: cancelled.body.version, notes: 'x' })).status).toBe(
      409,
    );
    const csv = await sales.as.ops1.raw('/api/jobs/export.csv?lang=en');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(job.number);
    // In French: the list's words for the codes, the creation as Tunis date and time (not UTC ISO).
    const fr = await sales.as.ops1.raw('/api/jobs/export.csv?lang=fr');
    const row = (await fr.text()).split('\r\n').find((line) => line.startsWith(`${job.number};`));
    expect(row?.split(';')[1]).toBe('Annulé');
    expect(row).not.toMatch(/;(cancelled|sea_fcl|sea_lcl|air|road_ftl|import|export);/);
    expect(row).toMatch(/;\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
});
