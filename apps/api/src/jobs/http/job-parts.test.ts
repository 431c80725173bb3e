import {
  JobTimelinePageSchema,
  type JobDetail,
  type JobProfitBreakdown,
  type JobTimelinePage,
} from '@velosi/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../../test/support/records/invoices.js';
import { acceptedQuoteJob, badFields } from '../../../test/support/records/jobs.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

describe.each(DATABASES)('job containers, milestones and charges on %s', (target) => {
  let sales: SalesApi;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    clientId = (await createClient(sales.as.commercial1, 'Céramiques du Sahel')).id;
    otherClientId = (await createClient(sales.as.commercial2, 'Nordsee Handel GmbH')).id;
  });
  afterAll(async () => {
    await sales?.close();
  });

  it('containers: ISO 6346 check digit and equipment size-type (400 naming the field), versioned edits', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const url = `/api/jobs/${job.id}/containers`;
    const wrong = await sales.as.ops1.post(url, { number: 'CSQU3054384', sizeType: '45G1' });
    expect(wrong.status).toBe(400);
    expect(badFields(wrong.body)).toEqual(['number']);
    const size = await sales.as.ops1.post(url, { number: 'CSQU3054383', sizeType: '45Z9' });
    expect(badFields(size.body)).toEqual(['sizeType']);
    const added = await sales.as.ops1.post<JobDetail>(url, {
      number: 'csqu 305438-3',
      sizeType: '45G1',
      sealNumber: 'SL-0042',
      grossKg: '18250.5',
      packages: 640,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const [container] = added.body.containers;
    expect(container).toMatchObject({ number: 'CSQU3054383', grossKg: '18250.500', version: 1 });
    expect(
      badFields((await sales.as.ops1.post(url, { number: 'CSQU3054383', sizeType: '45G1' })).body),
    ).toEqual(['number']);
    const edited = await sales.as.ops1.patch<JobDetail>(`${url}/${container!.id}`, {
      version: 1,
      vgmKg: '18300',
    });
    expect(edited.body.containers[0]).toMatchObject({ vgmKg: '18300.000', version: 2 });
    expect((await sales.as.ops1.patch(`${url}/${container!.id}`, { version: 1, vgmKg: '1' })).status).toBe(
      409,
    );
    // A container id of this job under another job's path is not found.
    const other = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    expect((await sales.as.ops1.delete(`/api/jobs/${other.job.id}/containers/${container!.id}`)).status).toBe(
      404,
    );
    const removed = await sales.as.ops1.delete<JobDetail>(`${url}/${container!.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.containers).toEqual([]);
  });

  it('milestones move the status and set ATD/ATA; deleting one moves it back; close after delivery', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const url = `/api/jobs/${job.id}/milestones`;
    const record = (kind: string, occurredAt: string) =>
      sales.as.ops1.post<JobDetail>(url, { kind, occurredAt, place: 'Radès' });
    expect((await record('booked', '2026-04-01T08:00:00Z')).body.status).toBe('booked');
    expect((await record('cargo_received', '2026-04-02T08:00:00Z')).body.status).toBe('booked');
    const departed = await record('departed', '2026-04-03T22:30:00Z');
    // 22:30 UTC is 23:30 in Tunis (UTC+1): still the 3rd, the business day ATD is written in.
    expect(departed.body).toMatchObject({ status: 'in_transit', atd: '2026-04-03' });
    const arrived = await record('arrived', '2026-04-06T10:00:00Z');
    expect(arrived.body).toMatchObject({ status: 'arrived', ata: '2026-04-06' });
    expect(
      (await sales.as.ops1.post(url, { kind: 'sailed', occurredAt: '2026-04-06T10:00:00Z' })).status,
    ).toBe(400);
    expect((await sales.as.ops1.post(url, { kind: 'arrived', occurredAt: '2026-04-06' })).status).toBe(400);
    // Each step once, and in the shipment's order: a delivery before the arrival, a second arrival.
    const early = await sales.as.ops1.post<{ errors: unknown[] }>(url, {
      kind: 'delivered',
      occurredAt: '2026-04-05T10:00:00Z',
    });
    expect(early.body.errors).toEqual([
      { field: 'occurredAt', message: 'delivered cannot be dated before arrived (2026-04-06T10:00:00.000Z)' },
    ]);
    expect((await record('arrived', '2026-04-07T10:00:00Z')).status).toBe(400);
    // A milestone records what happened: tomorrow is refused on its field.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const future = await sales.as.ops1.post<{ errors: unknown[] }>(url, {
      kind: 'delivered',
      occurredAt: tomorrow,
    });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      { field: 'occurredAt', message: 'a milestone records what happened: it cannot be in the future' },
    ]);
    const delivered = await record('delivered', '2026-04-08T10:00:00Z');
    expect(delivered.body.status).toBe('delivered');
    const last = delivered.body.milestones.find((m) => m.kind === 'delivered');
    const back = await sales.as.ops1.delete<JobDetail>(`${url}/${last!.id}`);
    expect(back.body.status).toBe('arrived');
    const again = await record('delivered', '2026-04-08T11:00:00Z');
    const closed = await sales.as.ops1.post<JobDetail>(`/api/jobs/${job.id}/close`, {
      version: again.body.version,
    });
    expect(closed.body.status).toBe('closed');
    expect((await record('customs_cleared', '2026-04-09T10:00:00Z')).status).toBe(409);
    // The commercial of the client reads the milestones and the timeline.
    const seen = await sales.as.commercial1.get<JobDetail>(`/api/jobs/${job.id}`);
    expect(seen.body.milestones.map((m) => m.kind)).toEqual([
      'booked',
      'cargo_received',
      'departed',
      'arrived',
      'delivered',
    ]);
    const timeline = JobTimelinePageSchema.parse(
      (await sales.as.commercial1.get<JobTimelinePage>(`/api/jobs/${job.id}/timeline?pageSize=50`)).body,
    );
    expect(timeline.items.filter((i) => i.kind === 'milestone')).toHaveLength(5);
    // Who recorded them, by name (OPERATIONS users are not in the sales staff directory).
    const recorded = timeline.items.find((i) => i.kind === 'milestone');
    expect(recorded?.names?.[sales.as.ops1.sub]).toMatch(/\S/);
    expect(recorded?.names?.[sales.as.ops1.sub]).not.toBe(sales.as.ops1.sub);
    const actions = timeline.items.flatMap((i) => (i.kind === 'audit' ? [i.action] : []));
    expect(actions).toEqual(
      expect.arrayContaining(['create', 'milestone_add', 'milestone_remove', 'status_change', 'close']),
    );
  });

  it('charges: exact amounts in TND, planned and actual margins apart, FINANCE writes costs', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const url = `/api/jobs/${job.id}/charges`;
    const planned = { revenueTnd: '14374.567', costTnd: '11844.567', marginTnd: '2530.000' };
    expect(job.profit).toEqual({
      planned,
      actual: { revenueTnd: '0.000', costTnd: '0.000', marginTnd: '0.000' },
    });
    const cost = await sales.as.finance1.post<JobDetail>(url, {
      side: 'cost',
      stage: 'actual',
      description: 'Fret CMA CGM facture FA-1',
      supplierInvoiceRef: 'FA-1',
      quantity: '2',
      unitPrice: '1499.995',
      currency: 'EUR',
      exchangeRate: '3.351234',
      vatRate: 0,
    });
    expect(cost.status, JSON.stringify(cost.body)).toBe(201);
    const line = cost.body.charges.find((c) => c.stage === 'actual');
    // 2 × 1499.995 × 3.351234 = 10053.668487… → 10053.668
    expect(line).toMatchObject({ amountTnd: '10053.668', exchangeRate: '3.351234', version: 1 });
    // One actual cost and no actual sales: the actual margin is that cost, negative — never the
    // planned sales less the actual cost; the planned margin stays the quote's.
    expect(cost.body.profit).toEqual({
      planned,
      actual: { revenueTnd: '0.000', costTnd: '10053.668', marginTnd: '-10053.668' },
    });
    const revenue = await sales.as.ops1.post<JobDetail>(url, {
      side: 'revenue',
      stage: 'actual',
      description: 'Fret',
      quantity: '1',
      unitPrice: '9000.1',
      vatRate: 0,
    });
    expect(revenue.body.profit).toEqual({
      planned,
      actual: { revenueTnd: '9000.100', costTnd: '10053.668', marginTnd: '-1053.568' },
    });
    const patched = await sales.as.finance1.patch<JobDetail>(`${url}/${line!.id}`, {
      version: 1,
      quantity: '1',
    });
    expect(patched.body.profit.actual).toEqual({
      revenueTnd: '9000.100',
      costTnd: '5026.834',
      marginTnd: '3973.266',
    });
    expect((await sales.as.finance1.patch(`${url}/${line!.id}`, { version: 1, quantity: '3' })).status).toBe(
      409,
    );
    const badRate = await sales.as.ops1.post(url, {
      side: 'cost',
      stage: 'actual',
      description: 'THC',
      quantity: '1',
      unitPrice: '10',
      exchangeRate: '3.3',
      vatRate: 19,
    });
    expect(badFields(badRate.body)).toEqual(['exchangeRate']);
    const revenueSupplier = await sales.as.ops1.post(url, {
      side: 'revenue',
      stage: 'actual',
      description: 'x',
      supplierCode: 'FRN-001',
      quantity: '1',
      unitPrice: '1',
      vatRate: 0,
    });
    expect(badFields(revenueSupplier.body)).toEqual(['supplierCode']);
    expect(
      (
        await sales.as.ops1.post(url, {
          side: 'cost',
          stage: 'actual',
          description: 'x',
          quantity: '1',
          unitPrice: '1.0001',
          vatRate: 0,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await sales.as.commercial1.post(url, {
          side: 'cost',
          stage: 'actual',
          description: 'x',
          quantity: '1',
          unitPrice: '1',
          vatRate: 0,
        })
      ).status,
    ).toBe(403);
    // Another commercial's client's job: 404 for reads by commercial1.
    const theirs = await acceptedQuoteJob(sales.as.commercial2, sales.as.ops1, otherClientId);
    expect((await sales.as.commercial1.get(`/api/jobs/${theirs.job.id}`)).status).toBe(404);
    const removed = await sales.as.finance1.delete<JobDetail>(`${url}/${line!.id}`);
    expect(removed.body.profit.actual.costTnd).toBe('0.000');
  });

  it('charges: a foreign currency without its rate takes the day’s reference rate, never 1 (tester report)', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const url = `/api/jobs/${job.id}/charges`;
    const rate = { currency: 'EUR', date: inDays(-3), rate: '3.412500' };
    expect((await sales.as.admin.post('/api/exchange-rates', rate)).status).toBe(201);
    const cost = {
      side: 'cost',
      stage: 'actual',
      description: 'Fret',
      quantity: '1',
      unitPrice: '1000',
      vatRate: 0,
    };
    const eur = await sales.as.ops1.post<JobDetail>(url, { ...cost, currency: 'EUR' });
    expect(eur.status, JSON.stringify(eur.body)).toBe(201);
    const line = eur.body.charges.find((c) => c.stage === 'actual');
    // 1 000 EUR × 3.4125, not 1 000 TND.
    expect(line).toMatchObject({ currency: 'EUR', exchangeRate: '3.412500', amountTnd: '3412.500' });
    // No CHF rate on file: refused on the rate, nothing saved.
    const chf = await sales.as.ops1.post(url, { ...cost, currency: 'CHF' });
    expect(chf.status).toBe(400);
    expect(badFields(chf.body)).toEqual(['exchangeRate']);
    // Back to TND without a rate: 1, not the EUR rate; another quantity keeps the line's rate.
    const tnd = await sales.as.ops1.patch<JobDetail>(`${url}/${line!.id}`, { version: 1, currency: 'TND' });
    expect(tnd.body.charges.find((c) => c.id === line!.id)).toMatchObject({
      exchangeRate: '1.000000',
      amountTnd: '1000.000',
    });
    const euro = await sales.as.ops1.patch<JobDetail>(`${url}/${line!.id}`, { version: 2, currency: 'EUR' });
    const quantity = await sales.as.ops1.patch<JobDetail>(`${url}/${line!.id}`, {
      version: 3,
      quantity: '2',
    });
    expect(euro.body.charges.find((c) => c.id === line!.id)?.exchangeRate).toBe('3.412500');
    expect(quantity.body.charges.find((c) => c.id === line!.id)).toMatchObject({
      exchangeRate: '3.412500',
      amountTnd: '6825.000',
    });
    expect(quantity.body.charges.filter((c) => c.stage === 'actual')).toHaveLength(1);

    // The job's history names the line and lists the line's own changed fields; its author by name.
    const timeline = JobTimelinePageSchema.parse(
      (await sales.as.ops1.get<JobTimelinePage>(`/api/jobs/${job.id}/timeline?pageSize=50`)).body,
    );
    const entries = timeline.items.flatMap((i) => (i.kind === 'audit' ? [i] : []));
    const added = entries.find((e) => e.action === 'charge_add' && e.subject === 'Fret');
    expect(added?.changes).toEqual([]);
    const rerated = entries.find(
      (e) =>
        e.action === 'charge_update' && e.changes.some((c) => c.field === 'currency' && c.after === 'TND'),
    );
    expect(rerated?.subject).toBe('Fret');
    expect(rerated?.changes).toEqual(
      expect.arrayContaining([
        { field: 'currency', before: 'EUR', after: 'TND' },
        { field: 'exchangeRate', before: '3.412500', after: '1.000000' },
      ]),
    );
    expect(rerated?.names?.[rerated.actor]).toBeTruthy();
  });

  it('the margin of the detail compares like with like, as the profit table does (tester report)', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    // Only planned lines, then one actual cost line: 2.5 × 1 234.567 = 3 086.4175 → 3 086.418.
    const cost = await sales.as.ops1.post<JobDetail>(`/api/jobs/${job.id}/charges`, {
      side: 'cost',
      stage: 'actual',
      description: 'Manutention',
      quantity: '2.5',
      unitPrice: '1234.567',
      vatRate: 19,
    });
    expect(cost.status, JSON.stringify(cost.body)).toBe(201);
    expect(cost.body.profit).toEqual({
      planned: { revenueTnd: '14374.567', costTnd: '11844.567', marginTnd: '2530.000' },
      actual: { revenueTnd: '0.000', costTnd: '3086.418', marginTnd: '-3086.418' },
    });
    // The profit table's planned and actual columns are the same figures.
    const table = await sales.as.ops1.get<JobProfitBreakdown>(`/api/jobs/${job.id}/profit`);
    expect(table.status).toBe(200);
    expect({ planned: table.body.planned, actual: table.body.actual }).toEqual(cost.body.profit);
  });

  it('prints the draft HBL of a sea job in French and English; no HAWB for it', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const container = { number: 'CSQU3054383', sizeType: '45G1', grossKg: '18250.5' };
    expect((await sales.as.ops1.post(`/api/jobs/${job.id}/containers`, container)).status).toBe(201);
    for (const [lang, title, weight] of [
      ['fr', 'Connaissement maison', /18\s250,5\b/],
      ['en', 'House bill of lading', /18,250\.5\b/],
    ] as const) {
      const res = await sales.as.commercial1.raw(`/api/jobs/${job.id}/hbl.pdf?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
      const { text } = await extractText(pdf, { mergePages: true });
      expect(text).toContain('DRAFT');
      // The container's gross weight the language's way, not the stored "18250.500".
      expect(text).toContain(title);
      expect(text).toContain(job.number);
      expect(text).toMatch(weight);
    }
    expect((await sales.as.ops1.raw(`/api/jobs/${job.id}/hawb.pdf`)).status).toBe(409);
    expect((await sales.as.ops1.raw(`/api/jobs/${job.id}/hbl.pdf?lang=de`)).status).toBe(400);
  });
});
