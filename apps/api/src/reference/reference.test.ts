import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

type Row = { id: string; version: number; code?: string; archivedAt: string | null } & Record<
  string,
  unknown
>;
type Page = { items: Row[]; total: number };

/** A valid new row of each object, and a field whose duplicate the API refuses (400 on it). */
const SAMPLES: Record<
  string,
  { body: Record<string, unknown>; unique?: string; rename: Record<string, unknown> }
> = {
  locations: {
    body: { code: 'TNZZZ', kind: 'inland', name: 'Dépôt Zaghouan', city: 'Zaghouan', country: 'TN' },
    unique: 'code',
    rename: { name: 'Dépôt sous douane Zaghouan' },
  },
  equipment: {
    body: { code: '25G1', labelFr: "20' High Cube", labelEn: "20' high cube", teu: '1' },
    unique: 'code',
    rename: { maxPayloadKg: 28000 },
  },
  'charge-types': {
    body: {
      code: 'FUMIG',
      labelFr: 'Fumigation',
      labelEn: 'Fumigation',
      kind: 'additional_cost',
      defaultUnit: 'per_container',
      defaultVatRate: 19,
    },
    unique: 'code',
    rename: { labelEn: 'Container fumigation' },
  },
  'exchange-rates': {
    body: { currency: 'GBP', date: '2026-02-02', rate: '3.912345' },
    unique: 'date',
    rename: { rate: '3.900000' },
  },
  'shipping-lines': {
    body: { name: 'Yang Ming', scac: 'YMLU' },
    unique: 'scac',
    rename: { website: 'https://www.yangming.com' },
  },
  airlines: {
    body: { name: 'Nouvelair', iataCode: 'BJ', awbPrefix: '745' },
    unique: 'awbPrefix',
    rename: { name: 'Nouvelair Tunisie' },
  },
  hauliers: {
    body: { name: 'Transports Ben Arous', city: 'Ben Arous' },
    rename: { phone: '+216 71 000 000' },
  },
  vessels: {
    body: { name: 'CMA CGM Tage', imo: '9074729', flag: 'MT' },
    unique: 'imo',
    rename: { name: 'Tage' },
  },
  suppliers: {
    body: {
      name: 'Douane Express SARL',
      category: 'customs_broker',
      bankAccount: 'TN59 1000 6035 1835 9847 8831',
    },
    rename: { paymentTermsDays: 30 },
  },
  agents: {
    body: { name: 'Marseille Freight Agency', country: 'FR', city: 'Marseille', modes: ['sea_fcl', 'air'] },
    rename: { contactName: 'Jean Martin' },
  },
};

describe.each(DATABASES)('reference objects on %s', (target) => {
  let sales: SalesApi;

  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  describe.each(Object.entries(SAMPLES))('/api/%s', (path, sample) => {
    let created: Row;

    it('lets ADMIN create (audited, version 1, readable code when the object has one)', async () => {
      const res = await sales.as.admin.post<Row>(`/api/${path}`, sample.body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      created = res.body;
      expect(created.version).toBe(1);
      if (created.code !== undefined && !('code' in sample.body))
        expect(created.code).toMatch(/^[A-Z]{3}-\d{3}$/);
    });

    it('lets every role read and search it, but only ADMIN write (403)', async () => {
      for (const who of ['commercial1', 'ops1', 'finance1'] as const) {
        expect((await sales.as[who].get(`/api/${path}/${created.id}`)).status).toBe(200);
      }
      const list = await sales.as.commercial1.get<Page>(`/api/${path}?pageSize=100&sort=createdAt:desc`);
      expect(list.body.items.map((row) => row.id)).toContain(created.id);
      expect((await sales.as.commercial1.post(`/api/${path}`, sample.body)).status).toBe(403);
      expect(
        (await sales.as.commercial1.patch(`/api/${path}/${created.id}`, { version: 1, ...sample.rename }))
          .status,
      ).toBe(403);
    });

    it('updates with the version, refuses a stale one (409), archives and restores', async () => {
      const url = `/api/${path}/${created.id}`;
      const updated = await sales.as.admin.patch<Row>(url, { version: 1, ...sample.rename });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      expect(updated.body).toMatchObject({ version: 2, ...sample.rename });
      expect((await sales.as.admin.patch(url, { version: 1, ...sample.rename })).status).toBe(409);
      const archived = await sales.as.admin.post<Row>(`${url}/archive`, { version: 2 });
      expect(archived.body.archivedAt).not.toBeNull();
      const live = await sales.as.ops1.get<Page>(`/api/${path}?pageSize=100&sort=createdAt:desc`);
      expect(live.body.items.map((row) => row.id)).not.toContain(created.id);
      expect((await sales.as.admin.post<Row>(`${url}/restore`, { version: 3 })).body.archivedAt).toBeNull();
    });

    it.runIf(sample.unique)('refuses a duplicate with a 400 naming the field', async () => {
      const again = await sales.as.admin.post<{ errors: { field: string }[] }>(`/api/${path}`, sample.body);
      expect(again.status, JSON.stringify(again.body)).toBe(400);
      expect(again.body.errors.map((e) => e.field)).toEqual([sample.unique]);
    });

    it('exports the list as CSV for Excel (BOM, separator, localized headers)', async () => {
      const res = await sales.as.finance1.raw(`/api/${path}/export.csv?sep=%3B&lang=en`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text.split('\r\n')[0]).toContain(';');
      const now = { ...sample.body, ...sample.rename };
      expect(text).toContain(String(now.code ?? now.name ?? now.currency));
    });
  });
});
