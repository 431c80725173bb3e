import { SearchResultSchema, type Lead, type SearchResult } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    // OPERATIONS reads clients and accepted quotes only; no leads or opportunities.
    expect(ops.groups.map((g) => g.type).every((t) => ['quotes', 'clients', 'contacts'].includes(t))).toBe(
      true,
    );
    expect(idsOf(ops, 'quotes')).toEqual([]);
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
