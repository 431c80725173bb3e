import { ProblemSchema } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
