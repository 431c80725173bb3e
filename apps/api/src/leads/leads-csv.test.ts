import { randomUUID } from 'node:crypto';
import { parseCsv, type Lead } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  startSalesApi,
  type DemoUser,
  type SalesApi,
  type UserClient,
} from '../../test/support/sales.js';
import { postCsv, report, tunisMinute } from '../../test/support/records/csv.js';

type Page = { items: Lead[]; total: number };

const csvImport = (user: UserClient, csv: string, query = '') =>
  postCsv(user, '/api/leads/import', csv, query);

describe.each(DATABASES)('leads CSV import on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
  }, 120_000);
  afterAll(() => sales?.close());

  // The export writes codes in the list's words (csv-words.ts); the import reads them back.
  it.each([
    ['fr', { status: 'Qualifié', priority: 'Haute', needs: 'Maritime FCL|Routier', traffic: 'Export' }],
    ['en', { status: 'Qualified', priority: 'High', needs: 'Sea FCL|Road', traffic: 'Export' }],
  ] as const)(
    'round-trips in %s: exported leads (words, lists, money, dates) import back',
    async (lang, words) => {
      const tag = randomUUID().slice(0, 8);
      const body = {
        fullName: `Lead ${tag}`,
        company: 'Huilerie; "Sahel"',
        email: 'contact@example.tn',
        phone: '+216 71 000 000',
        source: 'website',
        status: 'qualified',
        priority: 'high',
        transportNeeds: ['sea_fcl', 'road'],
        traffic: 'export',
        estimatedAnnualValue: { amount: '125000.500', currency: 'EUR' },
        nextFollowUpDate: '2026-12-24',
        tags: ['olive', 'export'],
      };
      const created = await sales.as.commercial1.post<Lead>('/api/leads', body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const csv = await (
        await sales.as.commercial1.raw(`/api/leads/export.csv?q=${tag}&lang=${lang}`)
      ).text();
      const [header = [], row = []] = parseCsv(csv);
      const cell = (fr: string, en: string) => row[header.indexOf(lang === 'fr' ? fr : en)];
      expect([
        cell('Statut', 'Status'),
        cell('Priorité', 'Priority'),
        cell('Besoins transport', 'Transport needs'),
        cell('Trafic', 'Traffic'),
      ]).toEqual([words.status, words.priority, words.needs, words.traffic]);
      expect(cell('Créé le', 'Created at')).toBe(tunisMinute(created.body.createdAt));
      // The language's decimal mark, read back by the import.
      expect(cell('Valeur annuelle estimée', 'Estimated annual value')).toBe(
        lang === 'fr' ? '125000,500' : '125000.500',
      );
      const done = await report(await csvImport(sales.as.commercial1, csv, '?dryRun=false'));
      expect(done, JSON.stringify(done.errors)).toMatchObject({ rows: 1, imported: 1, errors: [] });
      const both = await sales.as.commercial1.get<Page>(`/api/leads?q=${tag}`);
      expect(both.body.total).toBe(2);
      const pick = (l: Lead) => [
        l.fullName,
        l.company,
        l.email,
        l.phone,
        l.source,
        l.status,
        l.priority,
        [...l.transportNeeds].sort(),
        l.traffic,
        l.estimatedAnnualValue,
        l.nextFollowUpDate,
        l.tags,
        l.assignedTo,
      ];
      expect(pick(both.body.items[0] as Lead)).toEqual(pick(both.body.items[1] as Lead));
    },
  );

  it('reads codes as the API spells them too', async () => {
    const csv = 'Full name;Status;Priority;Transport needs\nCodes;nurturing;urgent;air|sea_lcl\n';
    const dry = await report(await csvImport(sales.as.commercial1, csv));
    expect(dry, JSON.stringify(dry.errors)).toMatchObject({ valid: 1, errors: [] });
  });

  it("refuses rows assigning another commercial only, on the row's assignedTo", async () => {
    const csv = `Full name;Assigned to\nMine;${sales.as.commercial1.sub}\nTheirs;${sales.as.commercial2.sub}\n`;
    const dry = await report(await csvImport(sales.as.commercial1, csv));
    expect(dry.valid).toBe(1);
    expect(dry.errors.map((e) => [e.line, e.field])).toEqual([[3, 'assignedTo']]);
  });

  it('role matrix: import follows leads:write', async () => {
    const expected: Record<DemoUser, number> = {
      admin: 200,
      commercial1: 200,
      commercial2: 200,
      finance1: 403,
      ops1: 403,
    };
    for (const [user, status] of Object.entries(expected) as [DemoUser, number][]) {
      expect((await csvImport(sales.as[user], 'Full name\nMatrix\n')).status, user).toBe(status);
    }
  });
});
