import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  startSalesApi,
  type DemoUser,
  type SalesApi,
  type UserClient,
} from '../../test/support/sales.js';
import { postCsv, report } from '../../test/support/records/csv.js';

type Page = { items: Record<string, unknown>[]; total: number };

const csvImport = (user: UserClient, path: string, csv: string, query = '') =>
  postCsv(user, `/api/${path}/import`, csv, query);

describe.each(DATABASES)('reference data CSV import on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
  }, 120_000);
  afterAll(() => sales?.close());

  it('imports exchange rates; a rate already known for that day is refused on its line, dry run included', async () => {
    const first = await report(
      await csvImport(
        sales.as.admin,
        'exchange-rates',
        'Devise;Date;Cours (TND)\nGBP;2026-03-02;3.91\n',
        '?dryRun=false',
      ),
    );
    expect(first).toMatchObject({ imported: 1, errors: [] });
    const csv =
      'Currency,Date,Rate (TND)\nGBP,2026-03-03,3.92\nGBP,2026-03-02,3.95\nEURO,2026-03-04,1\nGBP,2026-03-05,\n';
    const dry = await report(await csvImport(sales.as.admin, 'exchange-rates', csv));
    expect(dry, JSON.stringify(dry.errors)).toMatchObject({ dryRun: true, rows: 4, valid: 1, imported: 0 });
    expect(dry.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'date'],
      [4, 'currency'],
      [5, 'rate'],
    ]);
    expect(dry.errors[2]?.reason).toBe('required');
    const done = await report(await csvImport(sales.as.admin, 'exchange-rates', csv, '?dryRun=false'));
    expect(done).toMatchObject({ imported: 1, valid: 1 });
    expect(done.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    const rates = await sales.as.admin.get<Page>('/api/exchange-rates?currency=GBP&pageSize=100');
    expect(rates.body.items.map((r) => r.date).sort()).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('round-trips locations: the export of a filtered list imports back (codes taken are refused)', async () => {
    const csv =
      'Code;Type;Nom;Ville;Pays\nTNZRZ;inland;Dépôt Zarzis;Zarzis;TN\nTNZR2;inland;Dépôt Zarzis 2;Zarzis;TN\n';
    expect(await report(await csvImport(sales.as.admin, 'locations', csv, '?dryRun=false'))).toMatchObject({
      imported: 2,
    });
    const exported = await sales.as.admin.raw('/api/locations/export.csv?q=zarzis');
    const text = await exported.text();
    const again = await report(await csvImport(sales.as.admin, 'locations', text));
    // Every exported row (the seeded Zarzis port too) names a code that exists now.
    expect(again.rows).toBeGreaterThanOrEqual(2);
    expect(again.valid).toBe(0);
    expect(again.errors.map((e) => e.field)).toEqual(Array.from({ length: again.rows }, () => 'code'));
    expect(again.columns.map((c) => c.field)).toEqual(
      expect.arrayContaining(['code', 'kind', 'name', 'city', 'country']),
    );
  });

  it('names the check a refused field failed, with its bounds, for the page to word it', async () => {
    const csv = 'Code;Type;Nom;Pays;Latitude\nZZWKB;spaceport;Zone;TN;abc\nZZWKD;inland;Zone D;TN;95\n';
    const dry = await report(await csvImport(sales.as.admin, 'locations', csv));
    expect(dry).toMatchObject({ rows: 2, valid: 0 });
    expect(dry.errors).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'kind',
        code: 'invalid_value',
        params: { values: 'seaport, airport, inland, rail, road' },
      }),
      expect.objectContaining({
        line: 2,
        field: 'latitude',
        code: 'invalid_type',
        params: { expected: 'number' },
      }),
      expect.objectContaining({
        line: 3,
        field: 'latitude',
        code: 'too_big',
        params: { origin: 'number', maximum: 90 },
      }),
    ]);
    // The English reason stays for a reader of the API.
    expect(dry.errors[0]?.reason).toMatch(/expected one of/);
  });

  it('assigns readable codes to imported suppliers', async () => {
    const done = await report(
      await csvImport(
        sales.as.admin,
        'suppliers',
        'Nom;Catégorie\nSupplier Import A;trucking\nSupplier Import B;warehouse\n',
        '?dryRun=false',
      ),
    );
    expect(done).toMatchObject({ imported: 2, errors: [] });
    const list = await sales.as.admin.get<Page>('/api/suppliers?q=Supplier Import');
    expect(list.body.items.map((s) => s.code)).toEqual([expect.any(String), expect.any(String)]);
    expect(new Set(list.body.items.map((s) => s.code)).size).toBe(2);
  });

  it('role matrix: only ADMIN imports reference data; everyone exports it', async () => {
    const users: DemoUser[] = ['admin', 'commercial1', 'finance1', 'ops1'];
    for (const user of users) {
      const res = await csvImport(sales.as[user], 'currencies-not-a-path', 'x\n1\n');
      expect(res.status).toBe(404);
      const imp = await csvImport(sales.as[user], 'exchange-rates', 'Currency;Date;Rate (TND)\n');
      expect(imp.status, user).toBe(user === 'admin' ? 200 : 403);
      expect((await sales.as[user].raw('/api/suppliers/export.csv')).status).toBe(200);
    }
  });
});
