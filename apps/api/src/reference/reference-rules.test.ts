import {
  isValidImo,
  type ChargeType,
  type Country,
  type Currency,
  type ExchangeRateRecord,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

type Problem = {
  status: number;
  errors?: { field: string; message: string; code?: string; params?: Record<string, unknown> }[];
};
type Page<T> = { items: T[]; total: number };

describe('IMO check digit', () => {
  it('accepts real IMO numbers and refuses a wrong check digit', () => {
    expect(isValidImo('9074729')).toBe(true);
    expect(isValidImo('9321483')).toBe(true);
    expect(isValidImo('9074728')).toBe(false);
    expect(isValidImo('907472')).toBe(false);
  });
});

describe.each(DATABASES)('reference rules on %s', (target) => {
  let sales: SalesApi;

  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  it('refuses a vessel whose IMO check digit is wrong with a 400 naming imo', async () => {
    const res = await sales.as.admin.post<Problem>('/api/vessels', { name: 'Wrong', imo: '9074728' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'imo', message: expect.stringMatching(/check digit/), code: 'imoNumber' },
    ]);
    const prefixed = await sales.as.admin.post<{ imo: string }>('/api/vessels', {
      name: 'Carthage',
      imo: 'IMO 9321483',
    });
    expect(prefixed.status).toBe(201);
    expect(prefixed.body.imo).toBe('9321483');
  });

  it('codes its field errors (a format, a bound, a duplicate) so a client words them in its language', async () => {
    const location = await sales.as.admin.post<Problem>('/api/locations', {
      code: 'TNWK1',
      kind: 'inland',
      name: 'Zone de Bizerte',
      country: 'TN',
      latitude: 999,
      timezone: 'Not/AZone',
    });
    expect(location.status).toBe(400);
    expect(location.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'code', code: 'locationCode' }),
        expect.objectContaining({ field: 'latitude', code: 'max', params: { max: 90 } }),
        expect.objectContaining({ field: 'timezone', code: 'timeZone' }),
      ]),
    );
    const body = {
      code: 'TNZBZ',
      kind: 'inland',
      name: 'Zone de Bizerte',
      country: 'TN',
      timezone: 'Africa/Tunis',
    };
    expect((await sales.as.admin.post('/api/locations', body)).status).toBe(201);
    const twice = await sales.as.admin.post<Problem>('/api/locations', body);
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([
      { field: 'code', message: 'already used by another record', code: 'duplicate' },
    ]);
    const rate = await sales.as.admin.post<Problem>('/api/exchange-rates', {
      currency: 'XXX',
      date: '2026-12-01',
      rate: '-3.4',
      source: 'manual',
    });
    expect(rate.status).toBe(400);
    expect(rate.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'currency', code: 'unknownCurrency' }),
        expect.objectContaining({ field: 'rate', code: 'decimalFormat', params: { decimals: 6 } }),
      ]),
    );
  });

  it('gives concurrent creations distinct readable codes, following the starter list', async () => {
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sales.as.admin.post<{ code: string }>('/api/hauliers', { name: `Camions ${i}` }),
      ),
    );
    const codes = created.map((res) => res.body.code).sort();
    expect(new Set(codes).size).toBe(12);
    expect(codes[0]).toBe('TRP-001');
    expect(codes[11]).toBe('TRP-012');
    // Shipping lines continue after the starter list's ARM codes.
    const lines =
      await sales.as.commercial1.get<Page<{ code: string; name: string }>>('/api/shipping-lines?q=CMA');
    expect(lines.body.items[0]).toMatchObject({ code: 'ARM-001', name: 'CMA CGM' });
  });

  it('proposes the latest rate on or before a date, and 404 when there is none', async () => {
    for (const [date, rate] of [
      ['2026-03-02', '3.350000'],
      ['2026-03-04', '3.362000'],
    ] as const) {
      expect((await sales.as.admin.post('/api/exchange-rates', { currency: 'EUR', date, rate })).status).toBe(
        201,
      );
    }
    const rateOf = (date: string) =>
      sales.as.commercial1.get<ExchangeRateRecord>(`/api/exchange-rates/rate-of?currency=EUR&date=${date}`);
    expect((await rateOf('2026-03-03')).body).toMatchObject({
      date: '2026-03-02',
      rate: '3.350000',
      source: 'manual',
    });
    expect((await rateOf('2026-03-04')).body.rate).toBe('3.362000');
    expect((await rateOf('2026-03-01')).status).toBe(404);
    const tnd = await sales.as.admin.post<Problem>('/api/exchange-rates', {
      currency: 'TND',
      date: '2026-03-02',
      rate: '1',
    });
    expect(tnd.body.errors?.map((e) => e.field)).toEqual(['currency']);
  });

  it('ships the usual charge types with their VAT, unit and débours defaults', async () => {
    const page = await sales.as.commercial1.get<Page<ChargeType>>('/api/charge-types?pageSize=100');
    const byCode = new Map(page.body.items.map((c) => [c.code, c]));
    for (const code of ['THC', 'BAF', 'CAF', 'DTHC', 'BL_FEE', 'CUSTOMS', 'INSURANCE', 'STORAGE'])
      expect(byCode.has(code)).toBe(true);
    expect(byCode.get('THC')).toMatchObject({
      defaultVatRate: 19,
      defaultUnit: 'per_container',
      isDisbursement: false,
    });
    expect(byCode.get('DUTIES')).toMatchObject({ defaultVatRate: 0, isDisbursement: true });
    const equipment =
      await sales.as.commercial1.get<Page<{ code: string; teu: string }>>('/api/equipment?q=45G1');
    expect(equipment.body.items[0]).toMatchObject({ code: '45G1', teu: '2.00' });
  });

  it('lists ISO countries and currencies with French and English names', async () => {
    const countries = await sales.as.ops1.get<Country[]>('/api/countries');
    expect(countries.body.find((c) => c.code === 'TN')).toEqual({
      code: 'TN',
      nameFr: 'Tunisie',
      nameEn: 'Tunisia',
    });
    expect(countries.body.length).toBeGreaterThan(240);
    const currencies = await sales.as.ops1.get<Currency[]>('/api/currencies');
    expect(currencies.body.find((c) => c.code === 'TND')).toMatchObject({
      nameFr: 'dinar tunisien',
      digits: 3,
    });
    expect(currencies.body.some((c) => c.code === 'XTS')).toBe(false);
    // Fund codes are units of account, not money a client pays in.
    expect(currencies.body.filter((c) => ['CHE', 'COU', 'CLF', 'USN'].includes(c.code))).toEqual([]);
    expect(currencies.body.filter((c) => /euro/i.test(c.nameEn)).map((c) => c.code)).toEqual(['EUR']);
  });
});
