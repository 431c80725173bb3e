import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, createContact, createQuote, quoteBody } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { clientRecords, contactRecords } from '../../clients/clients.records.js';
import { clients, contacts } from '../../clients/clients.table.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { leadRecords } from '../../leads/leads.records.js';
import { leads } from '../../leads/leads.table.js';
import { opportunityRecords } from '../../opportunities/opportunities.records.js';
import { opportunities } from '../../opportunities/opportunities.table.js';
import { quoteRecords } from '../../quotes/persistence/quotes.records.js';
import { quotes } from '../../quotes/persistence/quotes.table.js';
import { searchCondition, searchWords } from './search.js';

type Page<T> = { items: T[]; total: number };
type Named = { id: string };

describe('searchWords', () => {
  it('splits on whitespace, drops repeats and caps the count', () => {
    expect(searchWords('  céramiques   du  Sahel ')).toEqual(['céramiques', 'du', 'Sahel']);
    expect(searchWords('a a b')).toEqual(['a', 'b']);
    expect(searchWords('1 2 3 4 5 6 7 8 9 10')).toHaveLength(8);
    expect(searchWords(undefined)).toEqual([]);
  });
});

describe.each(DATABASES)('accent-, case- and word-order-insensitive search on %s', (target) => {
  let sales: SalesApi;
  let sahel: Named;
  let other: Named;
  let db: DatabaseHandle['db'];

  beforeAll(async () => {
    sales = await startSalesApi(target);
    db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    const c1 = sales.as.commercial1;
    sahel = await createClient(c1, 'Céramiques du Sahel SARL', { city: 'Sousse' });
    other = await createClient(c1, 'Sahel Tissage 50%', { city: 'Monastir' });
    await createContact(c1, sahel.id, {
      lastName: 'Ben Saïd',
      firstName: 'Hélène',
      emails: ['h.bensaid@ceramsahel.tn'],
    });
    expect(
      (await c1.post('/api/leads', { fullName: 'Kaïs Œuvray', company: 'Société ÉTOILE du Nord' })).status,
    ).toBe(201);
    expect(
      (await c1.post('/api/opportunities', { title: 'Export carrelage', clientId: sahel.id })).status,
    ).toBe(201);
    await createQuote(c1, quoteBody(sahel.id, { title: 'Carreaux émaillés' }));
  });
  afterAll(() => sales?.close());

  const search = async (path: string, q: string) => {
    const res = await sales.as.commercial1.get<Page<Named & Record<string, unknown>>>(
      `${path}${path.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}`,
    );
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it('"ceramiques sahel" finds "Céramiques du Sahel SARL", in any order and case', async () => {
    for (const q of ['ceramiques sahel', 'SAHEL céramiques', 'céram SARL', 'sousse ceram']) {
      expect(
        (await search('/api/clients', q)).map((c) => c.id),
        q,
      ).toEqual([sahel.id]);
    }
    expect(await search('/api/clients', 'ceramiques monastir')).toEqual([]);
    expect((await search('/api/clients', 'sahel')).map((c) => c.id).sort()).toEqual(
      [sahel.id, other.id].sort(),
    );
  });

  it('takes LIKE wildcards literally', async () => {
    expect((await search('/api/clients', '50%')).map((c) => c.id)).toEqual([other.id]);
    expect(await search('/api/clients', '_')).toEqual([]);
  });

  it('applies to contacts, leads (œ → oe), opportunities and quotes by customer name', async () => {
    expect(await search(`/api/clients/${sahel.id}/contacts`, 'helene said')).toHaveLength(1);
    expect(await search(`/api/clients/${sahel.id}/contacts`, 'ceramsahel')).toHaveLength(1);
    expect((await search('/api/leads', 'etoile oeuvray')).map((l) => l.fullName)).toEqual(['Kaïs Œuvray']);
    expect((await search('/api/opportunities', 'carrelage ceramiques')).map((o) => o.title)).toEqual([
      'Export carrelage',
    ]);
    expect((await search('/api/quotes', 'emailles sahel')).map((q) => q.title)).toEqual([
      'Carreaux émaillés',
    ]);
    expect(await search('/api/quotes', 'emailles monastir')).toEqual([]);
  });

  /** The plan of the list's WHERE, with sequential scans priced out (the test tables are tiny). */
  async function plan(
    table: typeof clients | typeof contacts | typeof leads | typeof quotes | typeof opportunities,
    document: SQL,
  ): Promise<string> {
    const query = db
      .select({ id: table.id })
      .from(table)
      .where(searchCondition('ceramiques sahel', document));
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      // node-postgres and PGlite both answer `{ rows }`; the one column is "QUERY PLAN".
      const result = (await tx.execute(sql`explain ${query}`)) as unknown as {
        rows: Record<string, unknown>[];
      };
      return result.rows.map((row) => String(Object.values(row)[0])).join('\n');
    });
  }

  it('uses the trigram GIN indexes of clients, contacts, leads, quotes and opportunities', async () => {
    const clientsPlan = await plan(clients, clientRecords.searchDocument);
    console.info(`${target} plan for clients q="ceramiques sahel":\n${clientsPlan}`);
    expect(clientsPlan).toMatch(/Bitmap Index Scan on clients_search_idx/);
    expect(await plan(contacts, contactRecords.searchDocument)).toMatch(/Index Scan on contacts_search_idx/);
    expect(await plan(leads, leadRecords.searchDocument)).toMatch(/Index Scan on leads_search_idx/);
    expect(await plan(quotes, quoteRecords.searchDocument)).toMatch(/Index Scan on quotes_search_idx/);
    expect(await plan(opportunities, opportunityRecords.searchDocument)).toMatch(
      /Index Scan on opportunities_search_idx/,
    );
  });

  it("finds quotes and opportunities by their customer's new name after a rename", async () => {
    const c1 = sales.as.commercial1;
    const current = await c1.get<{ version: number }>(`/api/clients/${sahel.id}`);
    const renamed = await c1.patch(`/api/clients/${sahel.id}`, {
      name: 'Faïences de Nabeul',
      version: current.body.version,
    });
    expect(renamed.status).toBe(200);
    expect((await search('/api/quotes', 'faiences emailles')).map((q) => q.title)).toEqual([
      'Carreaux émaillés',
    ]);
    expect((await search('/api/opportunities', 'nabeul carrelage')).map((o) => o.title)).toEqual([
      'Export carrelage',
    ]);
    expect(await search('/api/quotes', 'emailles sahel')).toEqual([]);
  });
});
