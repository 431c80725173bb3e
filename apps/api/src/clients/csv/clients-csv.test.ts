import { randomUUID } from 'node:crypto';
import { CSV_IMPORT_LIMITS, parseCsv, type Client } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  startSalesApi,
  type DemoUser,
  type SalesApi,
  type UserClient,
} from '../../../test/support/sales.js';
import { postCsv, report, tunisMinute } from '../../../test/support/records/csv.js';

type Page = { items: Client[]; total: number };

const csvImport = (user: UserClient, csv: string, query = '') =>
  postCsv(user, '/api/clients/import', csv, query);

async function exportText(user: UserClient, path: string): Promise<string> {
  const res = await user.raw(path);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}

/** A well-formed Tunisian matricule fiscal (tax id) numbered `n`. */
function matricule(n: number): string {
  return `${String(n).padStart(7, '0')}A/A/M/000`;
}

/** A start for 10,000 matricules that no other test of the file uses. */
function randomBase(): number {
  return Math.floor(Math.random() * 899) * 10_000 + 1_000_000;
}

describe.each(DATABASES)('CSV export and import on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
  }, 120_000);
  afterAll(() => sales?.close());

  it('exports every list as CSV with the list filters, separator and header language', async () => {
    for (const path of ['clients', 'leads', 'opportunities', 'quotes']) {
      const text = await exportText(sales.as.admin, `/api/${path}/export.csv?sep=%2C&lang=en`);
      expect(text.split('\r\n')[0], path).toContain(',');
      const fr = await exportText(sales.as.admin, `/api/${path}/export.csv`);
      expect(fr.split('\r\n')[0], path).toContain(';');
    }
    const client = await sales.as.commercial1.post<Client>('/api/clients', { name: 'Contacts Export SARL' });
    await sales.as.commercial1.post(`/api/clients/${client.body.id}/contacts`, { lastName: 'Ben Salah' });
    const contacts = await exportText(
      sales.as.commercial1,
      `/api/clients/${client.body.id}/contacts/export.csv?lang=en`,
    );
    expect(contacts).toContain('Ben Salah');
    expect(contacts).toContain('Last name');
  });

  it("a COMMERCIAL exports only what they can list; another's client is not in their file", async () => {
    const tag = randomUUID().slice(0, 8);
    await sales.as.commercial1.post('/api/clients', { name: `Mine ${tag}`, city: 'Sfax' });
    const own = await exportText(sales.as.commercial1, `/api/clients/export.csv?q=${tag}`);
    const other = await exportText(sales.as.commercial2, `/api/clients/export.csv?q=${tag}`);
    expect(own).toContain(`Mine ${tag}`);
    expect(other).not.toContain(`Mine ${tag}`);
    expect(parseCsv(other)).toHaveLength(1); // the header alone
  });

  it('refuses an unknown filter or separator with a 400, like the list', async () => {
    expect((await sales.as.admin.raw('/api/clients/export.csv?sep=%7C')).status).toBe(400);
    expect((await sales.as.admin.raw('/api/clients/export.csv?colour=red')).status).toBe(400);
  });

  it('imports 9,950 of 10,000 rows and reports the 50 bad ones with their line numbers', async () => {
    const tag = randomUUID().slice(0, 6);
    const base = randomBase();
    const lines = ['Raison sociale;Matricule fiscal;Ville;Pays;Devise'];
    const bad = new Map<number, string>();
    for (let i = 0; i < 10_000; i += 1) {
      const line = i + 2;
      if (i % 200 === 7) {
        // Three kinds of bad rows: no name, an unknown country, a tax id used above.
        const kind = bad.size % 3;
        bad.set(line, ['name', 'country', 'fiscalId'][kind] ?? '');
        if (kind === 0) lines.push(`;;Tunis;TN;TND`);
        else if (kind === 1) lines.push(`Bad ${tag} ${i};;Tunis;ZZZ;TND`);
        else lines.push(`Dup ${tag} ${i};${matricule(base)};Tunis;TN;TND`);
      } else lines.push(`Client ${tag} ${i};${matricule(base + i)};Sousse;TN;TND`);
    }
    expect(bad.size).toBe(50);
    const csv = `${lines.join('\r\n')}\r\n`;

    const dry = await report(await csvImport(sales.as.admin, csv));
    expect(dry).toMatchObject({ dryRun: true, rows: 10_000, valid: 9_950, imported: 0 });

    const started = performance.now();
    const done = await report(await csvImport(sales.as.admin, csv, '?dryRun=false'));
    const elapsed = performance.now() - started;
    console.log(`[${target}] 10,000-row client import: ${Math.round(elapsed)} ms`);
    expect(done).toMatchObject({ dryRun: false, rows: 10_000, valid: 9_950, imported: 9_950 });
    expect(new Set(done.errors.map((e) => e.line))).toEqual(new Set(bad.keys()));
    for (const error of done.errors) expect(error.field).toBe(bad.get(error.line));
    expect(done.columns.map((c) => c.field)).toEqual(['name', 'fiscalId', 'city', 'country', 'currency']);

    const listed = await sales.as.admin.get<Page>(`/api/clients?q=${tag}&pageSize=1`);
    expect(listed.body.total).toBe(9_950);
    // Imported rows are ordinary records: audited, owned by the importer, version 1.
    const [first] = (await sales.as.admin.get<Page>(`/api/clients?q=Client ${tag} 0&pageSize=1`)).body.items;
    expect(first).toMatchObject({ version: 1, assignedTo: [sales.as.admin.sub], city: 'Sousse' });
    const again = await report(await csvImport(sales.as.admin, csv));
    expect(again.valid).toBe(0); // every tax id is now taken
  }, 180_000);

  it('round-trips: an exported filtered list imports back into the same clients', async () => {
    const tag = randomUUID().slice(0, 8);
    const bodies = [
      {
        name: `Round ${tag} A`,
        fiscalId: matricule(randomBase()),
        city: 'Gabès',
        country: 'TN',
        currency: 'TND',
      },
      {
        name: `Round ${tag} B; "quoted"`,
        address: 'Rue 1\nZone 2',
        country: 'FR',
        currency: 'EUR',
        language: 'en',
      },
    ];
    const created = await Promise.all(
      bodies.map((b) => sales.as.commercial1.post<Client>('/api/clients', b)),
    );
    const csv = await exportText(sales.as.commercial1, `/api/clients/export.csv?q=${tag}&sep=%2C&lang=en`);
    const createdAt = parseCsv(csv).map((row) => row.at(-1));
    expect(createdAt).toContain(tunisMinute(created[0]?.body.createdAt ?? '')); // not read back
    for (const { body } of created) {
      await sales.as.commercial1.post(`/api/clients/${body.id}/archive`, { version: body.version });
    }
    const done = await report(await csvImport(sales.as.commercial1, csv, '?dryRun=false'));
    expect(done).toMatchObject({ rows: 2, imported: 2, errors: [] });
    const back = await sales.as.commercial1.get<Page>(`/api/clients?q=${tag}&sort=name:asc`);
    const fields = (c: Client) => [
      c.name,
      c.fiscalId,
      c.address,
      c.city,
      c.country,
      c.currency,
      c.language,
      c.assignedTo,
    ];
    expect(back.body.items.map(fields)).toEqual(created.map((c) => fields(c.body)));
  });

  it("imports a client's contacts: round trip onto another client, one primary, others' clients 404", async () => {
    const from = await sales.as.commercial1.post<Client>('/api/clients', { name: 'Contacts From SARL' });
    const to = await sales.as.commercial1.post<Client>('/api/clients', { name: 'Contacts To SARL' });
    const contact = {
      lastName: 'Trabelsi',
      firstName: 'Amel',
      phones: ['+216 71 111 111', '+216 98 222 222'],
      emails: ['amel@example.tn'],
      isPrimary: true,
    };
    await sales.as.commercial1.post(`/api/clients/${from.body.id}/contacts`, contact);
    const csv = await exportText(sales.as.commercial1, `/api/clients/${from.body.id}/contacts/export.csv`);
    expect(parseCsv(csv)[1]?.at(-1)).toBe('Oui'); // the export's yes, which the import reads back
    const url = `/api/clients/${to.body.id}/contacts/import`;
    const post = (user: UserClient, body: string, query = '') =>
      user.raw(`${url}${query}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
    const done = await report(await post(sales.as.commercial1, csv, '?dryRun=false'));
    expect(done, JSON.stringify(done.errors)).toMatchObject({ rows: 1, imported: 1, errors: [] });
    const listed = await sales.as.commercial1.get<{ items: Record<string, unknown>[] }>(
      `/api/clients/${to.body.id}/contacts`,
    );
    expect(listed.body.items).toEqual([expect.objectContaining(contact)]);

    const twoPrimaries = 'Nom;Principal\nA;oui\nB;oui\n';
    const dry = await report(await post(sales.as.commercial1, twoPrimaries));
    expect(dry.errors.map((e) => [e.line, e.field])).toEqual([[3, 'isPrimary']]);
    expect((await post(sales.as.commercial2, twoPrimaries)).status).toBe(404);
    expect((await post(sales.as.finance1, twoPrimaries)).status).toBe(403);
  });

  it('takes a mapping that overrides the guess, and refuses an unknown field', async () => {
    const csv = 'Col A;Col B\nMapped SARL;Bizerte\n';
    const guessed = await report(await csvImport(sales.as.admin, csv));
    expect(guessed.columns.map((c) => c.field)).toEqual([null, null]);
    expect(guessed.errors).toEqual([{ line: 2, field: 'name', reason: expect.any(String) }]);
    const mapped = await report(await csvImport(sales.as.admin, csv, '?columns=name,city'));
    expect(mapped).toMatchObject({ valid: 1, errors: [] });
    expect((await csvImport(sales.as.admin, csv, '?columns=name,colour')).status).toBe(400);
    expect((await csvImport(sales.as.admin, csv, '?columns=name,name')).status).toBe(400);
    const later = await report(await csvImport(sales.as.admin, 'name;city\n;Tunis\n', '?firstLine=5001'));
    expect(later.errors[0]?.line).toBe(5001);
  });

  it('caps uploads by size and rows with a 413 problem, and wants a CSV body', async () => {
    const rows = Array.from({ length: CSV_IMPORT_LIMITS.maxRows + 1 }, (_, i) => `R${i}`);
    const tooMany = await csvImport(sales.as.admin, `name\n${rows.join('\n')}\n`);
    expect(tooMany.status).toBe(413);
    expect(tooMany.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await tooMany.json()) as { detail: string }).detail).toMatch(/at most 20000/);
    const huge = await csvImport(sales.as.admin, `name\n${'x'.repeat(CSV_IMPORT_LIMITS.maxBytes)}\n`);
    expect(huge.status).toBe(413);
    const json = await sales.as.admin.post('/api/clients/import', { name: 'not a file' });
    expect(json.status).toBe(400);
  });

  it('role matrix: export follows clients:read, import clients:write', async () => {
    const expected: Record<DemoUser, [number, number]> = {
      admin: [200, 200],
      commercial1: [200, 200],
      commercial2: [200, 200],
      finance1: [200, 403],
      ops1: [200, 403],
    };
    for (const [user, [exportStatus, importStatus]] of Object.entries(expected) as [
      DemoUser,
      [number, number],
    ][]) {
      const client = sales.as[user];
      expect((await client.raw('/api/clients/export.csv')).status, `${user} export`).toBe(exportStatus);
      expect((await csvImport(client, 'name\nMatrix\n')).status, `${user} import`).toBe(importStatus);
    }
    const leads: Record<DemoUser, number> = {
      admin: 200,
      commercial1: 200,
      commercial2: 200,
      finance1: 403,
      ops1: 403,
    };
    for (const [user, status] of Object.entries(leads) as [DemoUser, number][]) {
      expect((await sales.as[user].raw('/api/leads/export.csv')).status, `${user} leads`).toBe(status);
      expect((await sales.as[user].raw('/api/opportunities/export.csv')).status, `${user} opps`).toBe(status);
      expect((await sales.as[user].raw('/api/quotes/export.csv')).status, `${user} quotes`).toBe(200);
    }
    const anonymous = await fetch(`${sales.api.url}/api/clients/import`, {
      method: 'POST',
      body: 'name\nx\n',
    });
    expect(anonymous.status).toBe(401);
  });

  it('fuzz: random bytes, quotes and separators never answer 5xx', async () => {
    const alphabet = ['a', 'É', ';', ',', '"', '\n', '\r', '|', ' ', '\u0000', '=', '1', '\uFEFF', 'TN'];
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    for (let round = 0; round < 40; round += 1) {
      const length = next() % 400;
      const body = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
      const res = await csvImport(
        sales.as.admin,
        `name;city;country\n${body}`,
        round % 2 ? '' : '?dryRun=false',
      );
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
    }
    const queries = ['?dryRun=maybe', '?firstLine=-1', '?columns=%00', `?columns=${'a,'.repeat(1500)}`];
    for (const query of queries)
      expect((await csvImport(sales.as.admin, 'name\nx\n', query)).status).toBe(400);
    expect(sales.api.logs.filter((l) => l.msg === 'request failed')).toEqual([]);
  });
});
