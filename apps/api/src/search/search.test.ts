import { SearchResultSchema, type Lead, type SearchResult } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIXED_LINES, created, issue } from '../../test/support/records/invoices.js';
import { acceptedQuoteJob } from '../../test/support/records/jobs.js';
import { createClient, createContact, createQuote, quoteBody } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi, type UserClient } from '../../test/support/sales.js';

async function search(user: UserClient, q: string): Promise<SearchResult> {
  const res = await user.get<SearchResult>(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status, q).toBe(200);
  return SearchResultSchema.parse(res.body);
}

const idsOf = (result: SearchResult, type: string) =>
  result.groups.find((g) => g.type === type)?.items.map((i) => i.id) ?? [];

describe.each(DATABASES)('global search on %s', (target) => {
  let sales: SalesApi;
  let mine: { client: string; quote: string; quoteNumber: string; lead: string; opportunity: string };
  let theirs: { client: string; quote: string; quoteNumber: string };

  beforeAll(async () => {
    sales = await startSalesApi(target);
    const c1 = sales.as.commercial1;
    const c2 = sales.as.commercial2;
    const client = await createClient(c1, 'Zéphyr Céréales SARL', { city: 'Béja' });
    await createContact(c1, client.id, { lastName: 'Zéphyrin', firstName: 'Inès' });
    const quote = await createQuote(c1, quoteBody(client.id, { title: 'Blé zéphyr' }));
    const lead = (await c1.post<Lead>('/api/leads', { fullName: 'Zéphyr Lead', company: 'Zéphyr Agro' }))
      .body;
    const opportunity = (
      await c1.post<{ id: string }>('/api/opportunities', { title: 'Zéphyr export', clientId: client.id })
    ).body;
    mine = {
      client: client.id,
      quote: quote.id,
      quoteNumber: quote.number,
      lead: lead.id,
      opportunity: opportunity.id,
    };
    const other = await createClient(c2, 'Zéphyr Concurrent SA', { city: 'Béja' });
    await createContact(c2, other.id, { lastName: 'Zéphyrin', firstName: 'Autre' });
    const otherQuote = await createQuote(c2, quoteBody(other.id, { title: 'Blé zéphyr concurrent' }));
    await c2.post('/api/leads', { fullName: 'Zéphyr Other Lead' });
    theirs = { client: other.id, quote: otherQuote.id, quoteNumber: otherQuote.number };
  });
  afterAll(() => sales?.close());

  it('groups hits by type, accent-, case- and word-order-insensitive', async () => {
    const result = await search(sales.as.commercial1, 'ZEPHYR');
    expect(result.groups.map((g) => g.type)).toEqual([
      'quotes',
      'clients',
      'contacts',
      'leads',
      'opportunities',
    ]);
    expect(idsOf(result, 'clients')).toEqual([mine.client]);
    expect(idsOf(result, 'quotes')).toEqual([mine.quote]);
    expect(idsOf(result, 'leads')).toEqual([mine.lead]);
    expect(idsOf(result, 'opportunities')).toEqual([mine.opportunity]);
    const contact = result.groups.find((g) => g.type === 'contacts')?.items[0];
    expect(contact).toMatchObject({
      title: 'Inès Zéphyrin',
      subtitle: 'Zéphyr Céréales SARL',
      clientId: mine.client,
    });
    expect(idsOf(await search(sales.as.commercial1, 'beja cereales'), 'clients')).toEqual([mine.client]);
  });

  it('finds a quote by its number', async () => {
    const result = await search(sales.as.commercial1, mine.quoteNumber.toLowerCase());
    expect(idsOf(result, 'quotes')).toEqual([mine.quote]);
    expect(result.groups[0]?.items[0]).toMatchObject({ title: mine.quoteNumber });
  });

  it("never returns another commercial's records", async () => {
    const result = await search(sales.as.commercial1, 'zephyr');
    const all = result.groups.flatMap((g) => g.items.map((i) => i.id));
    expect(all).not.toContain(theirs.client);
    expect(all).not.toContain(theirs.quote);
    expect(result.groups.flatMap((g) => g.items.map((i) => i.title))).not.toContain('Zéphyr Other Lead');
    expect(result.groups.find((g) => g.type === 'contacts')?.items).toHaveLength(1);
    expect(await search(sales.as.commercial1, theirs.quoteNumber)).toEqual({ groups: [] });
    // ADMIN sees both.
    expect(idsOf(await search(sales.as.admin, 'zephyr'), 'clients').sort()).toEqual(
      [mine.client, theirs.client].sort(),
    );
  });

  it('offers only the types the role may read', async () => {
    const ops = await search(sales.as.ops1, 'zephyr');
    // OPERATIONS reads clients, accepted quotes, jobs and their invoices; no leads or opportunities.
    expect(
      ops.groups
        .map((g) => g.type)
        .every((t) => ['quotes', 'clients', 'contacts', 'jobs', 'invoices'].includes(t)),
    ).toBe(true);
    expect(idsOf(ops, 'quotes')).toEqual([]);
  });

  it('finds jobs and invoices by number or client, for the roles that read them', async () => {
    const client = await createClient(sales.as.commercial1, 'Quetzal Textiles SARL');
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, client.id);
    const draft = await created(
      sales.as.finance1.post('/api/invoices', { clientId: client.id, lines: MIXED_LINES }),
    );
    const invoice = await issue(sales.as.finance1, draft);
    const other = await created(
      sales.as.finance1.post('/api/invoices', { clientId: client.id, lines: MIXED_LINES }),
    );

    const ops = await search(sales.as.ops1, job.number.toLowerCase());
    expect(ops.groups.find((g) => g.type === 'jobs')?.items).toEqual([
      { id: job.id, title: job.number, subtitle: 'Quetzal Textiles SARL', clientId: client.id },
    ]);
    const finance = await search(sales.as.finance1, 'quetzal');
    expect(idsOf(finance, 'jobs')).toEqual([job.id]);
    // Newest first; a draft has no number yet (the page names it).
    expect(finance.groups.find((g) => g.type === 'invoices')?.items.map((i) => [i.id, i.title])).toEqual([
      [other.id, ''],
      [invoice.id, invoice.number],
    ]);
    expect(idsOf(await search(sales.as.finance1, invoice.number ?? ''), 'invoices')).toEqual([invoice.id]);
    // The client's commercial sees its job and invoices; another commercial nothing of them.
    expect(idsOf(await search(sales.as.commercial1, 'quetzal'), 'jobs')).toEqual([job.id]);
    expect(await search(sales.as.commercial2, job.number)).toEqual({ groups: [] });
    expect(await search(sales.as.commercial2, 'quetzal')).toEqual({ groups: [] });
  });

  it('bounds q and refuses unknown parameters', async () => {
    const c1 = sales.as.commercial1;
    expect((await c1.get('/api/search?q=a')).status).toBe(400);
    expect((await c1.get(`/api/search?q=${'a'.repeat(101)}`)).status).toBe(400);
    expect((await c1.get('/api/search')).status).toBe(400);
    expect((await c1.get('/api/search?q=abc&type=x')).status).toBe(400);
    expect((await search(c1, '100%_')).groups).toEqual([]);
  });

  it('caps each group and says there are more', async () => {
    const c1 = sales.as.commercial1;
    for (let i = 0; i < 6; i++) await c1.post('/api/leads', { fullName: `Capped Quokka ${i}` });
    const group = (await search(c1, 'quokka')).groups.find((g) => g.type === 'leads');
    expect(group?.items).toHaveLength(5);
    expect(group?.more).toBe(true);
  });
});
