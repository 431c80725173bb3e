import { ProblemSchema } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTI_CURRENCY_LINES } from '../support/records/quote-fixtures.js';
import { createClient, quoteBody } from '../support/records/quotes.js';
import { startSalesApi, type SalesApi } from '../support/sales.js';
import { tally } from './support/tally.js';

// Hostile but well-formed input: what the database or the HTTP layer cannot take must be refused
// with a 4xx problem+json naming the field — never a 500, never an error log holding the values.
const hostile = tally('hostile input');
let sales: SalesApi;
beforeAll(async () => {
  sales = await startSalesApi(process.env.DATABASE_URL ? 'postgres' : 'pglite');
});
afterAll(() => sales?.close());

function fieldsOf(body: unknown): string[] {
  return (ProblemSchema.parse(body).errors ?? []).map((e) => e.field);
}

describe('NUL bytes', () => {
  it('in a query string → 400 naming the parameter', async () => {
    const res = await sales.as.commercial1.get('/api/leads?q=%00');
    hostile.check(res.status === 400, `GET ?q=%00 → ${res.status}`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['q']);
  });

  it('in a body field, nested or not → 400 naming the field', async () => {
    const lead = await sales.as.commercial1.post('/api/leads', { fullName: 'a\u0000b', source: 'website' });
    hostile.check(lead.status === 400, `POST lead NUL → ${lead.status}`);
    expect(fieldsOf(lead.body)).toEqual(['fullName']);
    const nested = await sales.as.commercial1.post('/api/leads', {
      fullName: 'ok',
      tags: ['fine', 'x\u0000'],
    });
    hostile.check(nested.status === 400, `POST lead nested NUL → ${nested.status}`);
    expect(fieldsOf(nested.body)).toEqual(['tags.1']);
  });

  it('logs no SQL and no 5xx', () => {
    const serverErrors = sales.api.logs.filter((l) => l.msg === 'request failed');
    hostile.check(serverErrors.length === 0, 'a request failed with 5xx');
    expect(JSON.stringify(sales.api.logs)).not.toMatch(/Failed query|params:/);
  });
});

describe('amounts whose product overflows the column', () => {
  const freight = MULTI_CURRENCY_LINES[1]!; // a TND line

  it('quantity 1,000,000 × unit price 1,000,000 (each within its cap) → 400, not 500', async () => {
    const client = await createClient(sales.as.commercial1, 'Overflow SARL');
    const huge = { ...freight, quantity: '1000000', buyUnitPrice: '1000000', sellUnitPrice: '1000000' };
    const res = await sales.as.commercial1.post('/api/quotes', quoteBody(client.id, { items: [huge] }));
    hostile.check(res.status === 400, `qty × price overflow → ${res.status}`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['items.0.quantity']);
  });

  it('a EUR line at the maximum rate → 400; a weak quote currency whose total overflows → 400', async () => {
    const client = await createClient(sales.as.commercial1, 'Rate SARL');
    const eur = {
      ...MULTI_CURRENCY_LINES[0]!,
      exchangeRate: '999999.999999',
      quantity: '1000',
      sellUnitPrice: '999999',
    };
    const res = await sales.as.commercial1.post('/api/quotes', quoteBody(client.id, { items: [eur] }));
    hostile.check(res.status === 400, `max rate → ${res.status}`);
    expect(fieldsOf(res.body)).toContain('items.0.quantity');

    const line = { ...freight, quantity: '1000', buyUnitPrice: '900000', sellUnitPrice: '999999' };
    const weak = quoteBody(client.id, { items: [line], currency: 'JPY', exchangeRate: '0.000001' });
    const overflow = await sales.as.commercial1.post('/api/quotes', weak);
    hostile.check(overflow.status === 400, `weak currency overflow → ${overflow.status}`);
    expect(fieldsOf(overflow.body)).toEqual(['exchangeRate']);
  });

  it('the largest accepted line is stored and read back (no 500 at the boundary)', async () => {
    const client = await createClient(sales.as.commercial1, 'Boundary SARL');
    const line = {
      ...freight,
      quantity: '1000',
      buyUnitPrice: '0.001',
      sellUnitPrice: '1000000',
      vatRate: 19 as const,
    };
    const res = await sales.as.commercial1.post('/api/quotes', quoteBody(client.id, { items: [line] }));
    hostile.check(res.status === 201, `boundary line → ${res.status}`);
    expect(res.status).toBe(201);
  });
});

describe('the VAT-suspension look-ahead (GET /api/clients/vat-suspensions/expiring)', () => {
  it('refuses out-of-range, non-numeric, NUL and repeated `days` with 400 naming it; never a 500', async () => {
    for (const days of ['-1', '366', '99999999999999999999', 'abc', '1e3', '%00', '30&days=31', '']) {
      const res = await sales.as.finance1.get(`/api/clients/vat-suspensions/expiring?days=${days}`);
      const accepted = days === '' ? res.status === 200 || res.status === 400 : res.status === 400;
      hostile.check(accepted, `days=${days} → ${res.status}`);
      expect(res.status, days).toBeLessThan(500);
      if (days !== '') expect(new Set(fieldsOf(res.body)), days).toEqual(new Set(['days']));
    }
  });
});

describe('line breaks in names and titles', () => {
  it('a CR/LF in a lead name or a quote title → 400 naming the field', async () => {
    const lead = await sales.as.commercial1.post('/api/leads', {
      fullName: 'Evil\r\nX-Injected: 1',
      source: 'website',
    });
    hostile.check(lead.status === 400, `lead name with CR/LF → ${lead.status}`);
    expect(fieldsOf(lead.body)).toEqual(['fullName']);
    const client = await createClient(sales.as.commercial1, 'Line SARL');
    const quote = await sales.as.commercial1.post(
      '/api/quotes',
      quoteBody(client.id, { title: 'Export\nRadès' }),
    );
    hostile.check(quote.status === 400, `quote title with LF → ${quote.status}`);
    expect(fieldsOf(quote.body)).toEqual(['title']);
  });
});
