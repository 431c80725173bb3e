import {
  addDaysToIsoDate,
  PROBLEM_TYPES,
  QuoteListItemSchema,
  type Client,
  type Quote,
  type QuotePage,
} from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MULTI_CURRENCY_LINES,
  MULTI_CURRENCY_PRIVATE_FIGURES,
  MULTI_CURRENCY_TOTALS,
} from '../../../test/support/records/quote-fixtures.js';
import {
  createClient,
  createContact,
  createQuote,
  fetchAs,
  quoteBody,
} from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { auditLog } from '../../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { businessToday } from '../../common/business-day.js';

interface Problem {
  type: string;
  status: number;
  errors?: { field: string; message: string }[];
  currentVersion?: number;
}

describe.each(DATABASES)('quotes on %s', (target) => {
  let sales: SalesApi;
  let client: Client;
  let otherClient: Client;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    client = await createClient(sales.as.commercial1, 'Textiles du Sahel SA');
    otherClient = await createClient(sales.as.commercial2, 'Huiles de Sfax SARL');
  });
  afterAll(() => sales?.close());

  it('creates a draft with its number, validity +15 days and totals computed by the server', async () => {
    const quote = await createQuote(sales.as.commercial1, quoteBody(client.id));
    expect(quote.number).toMatch(new RegExp(`^Q${businessToday().slice(0, 4)}-\\d{5}$`));
    expect(quote).toMatchObject({
      status: 'draft',
      version: 1,
      revision: 1,
      revisedFromId: null,
      validUntil: addDaysToIsoDate(businessToday(), 15),
      assignedTo: [sales.as.commercial1.sub],
      exchangeRate: '3.350000',
      stampDutyApplies: true,
      chargeableWeight: null, // full containers are not billed by weight
    });
    // Hand-checked in quote-fixtures.ts: EUR freight + TND fees, VAT 19/7/0, débours, stamp duty.
    expect(quote.totals).toEqual({
      ...MULTI_CURRENCY_TOTALS,
      quoteCurrency: { ...MULTI_CURRENCY_TOTALS.quoteCurrency, exchangeRate: '3.350000' },
    });
    expect(
      quote.items.map((l) => [
        l.position,
        l.sellTotalTnd,
        l.buyTotalTnd,
        l.marginTnd,
        l.marginPercent,
        l.vatTnd,
      ]),
    ).toEqual([
      [0, '12395.000', '10050.000', '2345.000', '18.92', '0.000'],
      [1, '700.000', '560.000', '140.000', '20.00', '133.000'],
      [2, '45.000', '0.000', '45.000', '100.00', '3.150'],
      [3, '1234.567', '1234.567', '0.000', '0.00', '0.000'],
    ]);
    expect(quote.items[1]).toMatchObject({ currency: 'TND', exchangeRate: '1.000000', quantity: '2.000' });
  });

  it('names the records it points at: customer, contact and opportunity (read, list, prospect)', async () => {
    const contact = await createContact(sales.as.commercial1, client.id, {
      firstName: 'Hela',
      lastName: 'Trabelsi',
    });
    const opportunity = await sales.as.commercial1.post<{ id: string }>('/api/opportunities', {
      title: 'Export textile 2027',
      clientId: client.id,
    });
    const quote = await createQuote(
      sales.as.commercial1,
      quoteBody(client.id, { contactId: contact.id, opportunityId: opportunity.body.id }),
    );
    const names = {
      customerName: 'Textiles du Sahel SA',
      contactName: 'Hela Trabelsi',
      opportunityTitle: 'Export textile 2027',
    };
    expect(quote).toMatchObject(names);
    expect((await sales.as.commercial1.get<Quote>(`/api/quotes/${quote.id}`)).body).toMatchObject(names);
    const page = await sales.as.commercial1.get<QuotePage>(
      `/api/quotes?opportunityId=${opportunity.body.id}`,
    );
    expect(page.body.items).toEqual([expect.objectContaining(names)]);

    const lead = await sales.as.commercial1.post<{ id: string }>('/api/leads', {
      fullName: 'Sami Ben Ali',
      company: 'Dattes du Djerid',
    });
    const { clientId: _none, ...prospect } = quoteBody(client.id, { leadId: lead.body.id });
    const forLead = await createQuote(sales.as.commercial1, prospect);
    expect(forLead).toMatchObject({
      customerName: 'Dattes du Djerid',
      contactName: null,
      opportunityTitle: null,
    });
  });

  it('computes the chargeable weight (LCL revenue tons) and omits stamp duty when exempt', async () => {
    const quote = await createQuote(
      sales.as.commercial1,
      quoteBody(client.id, {
        mode: 'sea_lcl',
        containers: [],
        grossWeightKg: '1500',
        volumeM3: '3.2',
        currency: 'TND',
        exchangeRate: undefined,
        stampDutyApplies: false,
        items: [
          {
            kind: 'freight',
            description: 'LCL',
            quantity: '3.2',
            unit: 'revenue_ton',
            buyUnitPrice: '90',
            sellUnitPrice: '120.5',
            vatRate: 19,
          },
        ],
      }),
    );
    expect(quote.chargeableWeight).toEqual({ value: '3.200', unit: 'revenue_ton' });
    // 3.2 × 120.5 = 385.600, VAT 19 % = 73.264, no stamp duty.
    expect(quote.totals).toMatchObject({
      sellTnd: '385.600',
      vatTnd: '73.264',
      stampDutyTnd: '0.000',
      totalTnd: '458.864',
      quoteCurrency: null,
    });
  });

  it('rejects unknown body fields (the client cannot send its own totals or number) with 400', async () => {
    const body = { ...quoteBody(client.id), number: 'Q2026-99999', totals: MULTI_CURRENCY_TOTALS };
    const res = await sales.as.commercial1.post<Problem>('/api/quotes', body);
    expect(res.status).toBe(400);
    const unknown = (field: string) => ({ field, message: 'unknown field', code: 'unknownField' });
    expect(res.body.errors).toEqual(expect.arrayContaining([unknown('number'), unknown('totals')]));
    const line = { ...MULTI_CURRENCY_LINES[0], sellTotalTnd: '1.000' };
    const lineRes = await sales.as.commercial1.post<Problem>('/api/quotes', {
      ...quoteBody(client.id),
      items: [line],
    });
    expect(lineRes.status).toBe(400);
    expect(lineRes.body.errors).toContainEqual(unknown('items.0.sellTotalTnd'));
  });

  it('refuses links the caller cannot see or that do not fit together (400 on the field)', async () => {
    const foreign = await sales.as.commercial1.post<Problem>('/api/quotes', quoteBody(otherClient.id));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'clientId', message: 'no client with this id' }]);
    const both = await sales.as.commercial1.post<Problem>('/api/quotes', {
      ...quoteBody(client.id),
      leadId: client.id,
    });
    expect(both.status).toBe(400);
    const noRate = await sales.as.commercial1.post<Problem>(
      '/api/quotes',
      quoteBody(client.id, { exchangeRate: undefined }),
    );
    expect(noRate.body.errors).toContainEqual({
      field: 'exchangeRate',
      message: 'a EUR quote needs its rate to TND',
    });
  });

  it('lists with filters, q on number / title / client name, paging and an allowlisted sort', async () => {
    const air = await createQuote(
      sales.as.commercial1,
      quoteBody(client.id, {
        title: 'Pièces auto TUN → CDG',
        mode: 'air',
        containers: [],
        validUntil: '2099-06-30',
      }),
    );
    const list = (query: string) => sales.as.commercial1.get<QuotePage>(`/api/quotes?${query}`);
    expect((await list('mode=air')).body.items.map((q) => q.id)).toEqual([air.id]);
    expect((await list(`q=${air.number}`)).body.items.map((q) => q.id)).toEqual([air.id]);
    expect((await list('q=pièces AUTO')).body.items.map((q) => q.id)).toEqual([air.id]);
    expect((await list('q=sahel')).body.total).toBeGreaterThanOrEqual(3);
    expect((await list('q=sfax')).body.total).toBe(0); // commercial2's client: not visible
    expect((await list('validFrom=2099-01-01&validTo=2099-12-31')).body.items.map((q) => q.id)).toEqual([
      air.id,
    ]);
    expect(
      (await list(`clientId=${client.id}&status=draft&assignedTo=${sales.as.commercial1.sub}`)).body.total,
    ).toBeGreaterThanOrEqual(3);
    const page = await list('sort=number:asc&page=1&pageSize=2');
    expect(page.body.items).toHaveLength(2);
    // List rows are QuoteListItem: the header and names, never the lines (the detail route has them).
    expect(QuoteListItemSchema.strict().safeParse(page.body.items[0]).success).toBe(true);
    expect(page.body.items[0]).not.toHaveProperty('items');
    expect(page.body.totalIsEstimate).toBeUndefined();
    const numbers = (await list('sort=number:asc&pageSize=100')).body.items.map((q) => q.number);
    expect(numbers).toEqual([...numbers].sort());
    const badSort = await sales.as.commercial1.get<Problem>('/api/quotes?sort=totalTnd:desc');
    expect(badSort.status).toBe(400);
    expect((await sales.as.commercial1.get<Problem>('/api/quotes?colour=red')).status).toBe(400);
  });

  it('PATCH replaces the lines as one set, re-prices, audits; a stale version answers 409', async () => {
    const quote = await createQuote(sales.as.commercial1, quoteBody(client.id));
    const res = await sales.as.commercial1.patch<Quote>(`/api/quotes/${quote.id}`, {
      version: 1,
      title: 'Révisé',
      items: [
        {
          kind: 'freight',
          description: 'Fret seul',
          quantity: '1',
          unit: 'shipment',
          buyUnitPrice: '100',
          sellUnitPrice: '150',
          currency: 'EUR',
          exchangeRate: '3.35',
          vatRate: 0,
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, title: 'Révisé' });
    expect(res.body.items).toHaveLength(1);
    // 150 EUR × 3.35 = 502.500 + stamp 1.000 = 503.500 TND = 150.299 EUR.
    expect(res.body.totals).toMatchObject({
      sellTnd: '502.500',
      totalTnd: '503.500',
      quoteCurrency: { totalAmount: '150.299' },
    });
    const stale = await sales.as.commercial1.patch<Problem>(`/api/quotes/${quote.id}`, {
      version: 1,
      title: 'Lost update',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: PROBLEM_TYPES.conflict, currentVersion: 2 });
    const actions = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'quote'), eq(auditLog.entityId, quote.id)));
    expect(actions.map((a) => a.action).sort()).toEqual(['create', 'replace_lines', 'update']);
    // A header-only change keeps the lines (each line keeps its own frozen rate).
    const header = await sales.as.commercial1.patch<Quote>(`/api/quotes/${quote.id}`, {
      version: 2,
      currency: 'TND',
      exchangeRate: null,
    });
    expect(header.status).toBe(200);
    expect(header.body.items.map((l) => l.description)).toEqual(['Fret seul']);
    expect(header.body.totals).toMatchObject({ totalTnd: '503.500', quoteCurrency: null });
  });

  it("answers 404 for another commercial's quote, whatever the route", async () => {
    const theirs = await createQuote(sales.as.commercial2, quoteBody(otherClient.id));
    const mine = sales.as.commercial1;
    expect((await mine.get(`/api/quotes/${theirs.id}`)).status).toBe(404);
    expect((await mine.patch(`/api/quotes/${theirs.id}`, { version: 1, title: 'x' })).status).toBe(404);
    expect((await mine.post(`/api/quotes/${theirs.id}/send`, { version: 1 })).status).toBe(404);
    expect((await mine.post(`/api/quotes/${theirs.id}/archive`, { version: 1 })).status).toBe(404);
    expect((await mine.post(`/api/quotes/${theirs.id}/duplicate`, {})).status).toBe(404);
    expect((await fetchAs(sales, 'commercial1', `/api/quotes/${theirs.id}/pdf`)).status).toBe(404);
    expect((await mine.get('/api/quotes/not-a-uuid')).status).toBe(404);
    expect((await mine.get<QuotePage>('/api/quotes?pageSize=100')).body.items.map((q) => q.id)).not.toContain(
      theirs.id,
    );
  });

  it('refuses to edit a sent quote with 409 invalid-state (revise or duplicate it instead)', async () => {
    const quote = await createQuote(sales.as.commercial1, quoteBody(client.id));
    const sent = await sales.as.commercial1.post<{ status: string; quote: Quote }>(
      `/api/quotes/${quote.id}/send`,
      { version: 1 },
    );
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('sent');
    const edit = await sales.as.commercial1.patch<Problem>(`/api/quotes/${quote.id}`, {
      version: 2,
      title: 'Trop tard',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.type).toBe(PROBLEM_TYPES.invalidState);
  });

  it('FINANCE reads every quote with its totals but cannot write; OPERATIONS reads accepted quotes only', async () => {
    const draft = await createQuote(sales.as.commercial1, quoteBody(client.id, { title: 'Pour la finance' }));
    const finance = sales.as.finance1;
    const read = await finance.get<Quote>(`/api/quotes/${draft.id}`);
    expect(read.status).toBe(200);
    expect(read.body.totals.totalTnd).toBe(MULTI_CURRENCY_TOTALS.totalTnd);
    expect((await finance.get<QuotePage>('/api/quotes?pageSize=100')).body.total).toBeGreaterThan(1);
    expect((await finance.post('/api/quotes', quoteBody(client.id))).status).toBe(403);
    expect((await finance.patch(`/api/quotes/${draft.id}`, { version: 1, title: 'x' })).status).toBe(403);
    expect((await finance.post(`/api/quotes/${draft.id}/send`, { version: 1 })).status).toBe(403);

    const ops = sales.as.ops1;
    expect((await ops.get(`/api/quotes/${draft.id}`)).status).toBe(404);
    const won = await createQuote(
      sales.as.commercial1,
      quoteBody(client.id, { title: 'Pour les opérations' }),
    );
    await sales.as.commercial1.post(`/api/quotes/${won.id}/send`, { version: 1 });
    const accepted = await sales.as.commercial1.post<Quote>(`/api/quotes/${won.id}/accept`, {
      version: 2,
      transport: { carrierName: 'CMA CGM', bookingReference: 'BK-778' },
    });
    expect(accepted.status).toBe(200);
    const opsList = await ops.get<QuotePage>('/api/quotes?pageSize=100');
    expect(opsList.body.items.map((q) => q.status)).toEqual(opsList.body.items.map(() => 'accepted'));
    expect(opsList.body.items.map((q) => q.id)).toContain(won.id);
    expect((await ops.get<Quote>(`/api/quotes/${won.id}`)).body.transport).toMatchObject({
      bookingReference: 'BK-778',
    });
    expect((await ops.post('/api/quotes', quoteBody(client.id))).status).toBe(403);
    expect((await ops.get(`/api/quotes/${won.id}/timeline`)).status).toBe(403);
  });

  it('archives and restores with the version; the timeline shows what happened', async () => {
    const quote = await createQuote(sales.as.commercial1, quoteBody(client.id, { title: 'À archiver' }));
    const archived = await sales.as.commercial1.post<Quote>(`/api/quotes/${quote.id}/archive`, {
      version: 1,
    });
    // The shared lifecycle route answers the quote header (no `items`): the SPA reloads the quote.
    expect(archived.body).toMatchObject({ id: quote.id, version: 2, number: quote.number });
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await sales.as.commercial1.get<QuotePage>('/api/quotes?q=À archiver')).body.total).toBe(0);
    expect(
      (await sales.as.commercial1.get<QuotePage>('/api/quotes?q=À archiver&archived=true')).body.total,
    ).toBe(1);
    expect((await sales.as.commercial1.post(`/api/quotes/${quote.id}/archive`, { version: 2 })).status).toBe(
      409,
    );
    const restored = await sales.as.commercial1.post<Quote>(`/api/quotes/${quote.id}/restore`, {
      version: 2,
    });
    expect(restored.body.archivedAt).toBeNull();
    const call = await sales.as.commercial1.post('/api/activities', {
      type: 'call',
      subject: 'Relance cotation',
      quoteId: quote.id,
      dueAt: '2020-01-01T09:00:00Z',
    });
    expect(call.status).toBe(201);
    const timeline = await sales.as.commercial1.get<{ items: { kind: string; action?: string }[] }>(
      `/api/quotes/${quote.id}/timeline`,
    );
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((i) => i.action ?? i.kind)).toEqual([
      'restore',
      'archive',
      'create',
      'activity',
    ]);
  });

  it('GET /api/quotes/:id/pdf answers the customer PDF: figures printed, buy side absent', async () => {
    const quote = await createQuote(sales.as.commercial1, quoteBody(client.id));
    const res = await fetchAs(sales, 'finance1', `/api/quotes/${quote.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${quote.number}.pdf"`);
    const pdf = new Uint8Array(await res.arrayBuffer());
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const flat = text.replace(/[\u00a0\u202f]/g, ' ');
    expect(flat).toContain(quote.number);
    expect(flat).toContain('14 511,717 TND');
    expect(flat).toContain('Textiles du Sahel SA');
    for (const secret of MULTI_CURRENCY_PRIVATE_FIGURES.fr) expect(flat).not.toContain(secret);
  });
});
