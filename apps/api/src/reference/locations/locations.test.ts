import type { Location, LocationPage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { ReferenceDataLoader } from '../framework/reference-data.loader.js';
import { referenceDataLoads } from '../framework/reference-framework.table.js';
import { airportRows, seaportRows } from './location-datasets.js';

describe.each(DATABASES)('locations on %s', (target) => {
  let sales: SalesApi;
  const search = async (q: string, extra = '') => {
    const res = await sales.as.commercial1.get<LocationPage>(
      `/api/locations?q=${encodeURIComponent(q)}${extra}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  it('is loaded at first start with every seaport and every IATA airport of the data sets', async () => {
    const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    const loads = await db.select().from(referenceDataLoads);
    const byName = Object.fromEntries(loads.map((load) => [load.dataset, load.rows]));
    expect(byName['locations:seaports']).toBe(seaportRows().length);
    expect(byName['locations:airports']).toBe(airportRows().length);
    expect(seaportRows().length).toBeGreaterThan(1_500);
    expect(airportRows().length).toBeGreaterThan(4_000);
    const seaports = await sales.as.ops1.get<LocationPage>('/api/locations?kind=seaport&pageSize=1');
    expect(seaports.body.total).toBe(seaportRows().length);
    // A second start (another instance) loads nothing more.
    expect(await sales.api.app.get(ReferenceDataLoader).loadMissing()).toEqual({});
  });

  it('finds Radès by its UN/LOCODE TNRDS, with its accents, time zone and coordinates', async () => {
    const page = await search('TNRDS');
    expect(page.items[0]).toMatchObject({
      code: 'TNRDS',
      name: 'Radès',
      kind: 'seaport',
      country: 'TN',
      timezone: 'Africa/Tunis',
    } satisfies Partial<Location>);
    expect(page.items[0]?.latitude).toBeCloseTo(36.77, 1);
  });

  it('finds Tunis-Carthage airport (TUN) by a word of its name, case-insensitively', async () => {
    const page = await search('carthage', '&kind=airport');
    expect(page.items.map((l) => l.code)).toContain('TUN');
    expect(page.items.find((l) => l.code === 'TUN')).toMatchObject({
      country: 'TN',
      timezone: 'Africa/Tunis',
    });
  });

  it('lists the location coded exactly as typed first: "tun" is Tunis-Carthage, not Futuna', async () => {
    expect((await search('tun')).items[0]?.code).toBe('TUN');
    expect((await search('TNRDS')).items[0]?.code).toBe('TNRDS');
  });

  it('searches without accents, case or word order: "rades" and "tunis radès" find TNRDS', async () => {
    expect((await search('rades')).items.map((l) => l.code)).toContain('TNRDS');
    expect((await search('RADÈS tn')).items.map((l) => l.code)).toContain('TNRDS');
  });

  it('filters by country and kind; Marseille and Fos are both there', async () => {
    const french = await search('marseille', '&country=FR&kind=seaport');
    expect(french.items.map((l) => l.code)).toContain('FRMRS');
    expect((await search('FRFOS')).items[0]?.name).toBe('Fos-sur-Mer');
  });
});
