import { formatQuoteNumber, parseQuoteNumber, type Quote } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { idpPasswordGrant } from '../../../test/support/auth.js';
import { DEV_AUTH_SECRET } from '../../../test/support/identity.js';
import { createClient, quoteBody } from '../../../test/support/records/quotes.js';
import {
  DATABASES,
  DEMO_USERS,
  secondInstance,
  startSalesApi,
  type SalesApi,
} from '../../../test/support/sales.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { QuotesRepository } from './quotes.repository.js';

const CREATIONS = 200;

async function tokenOf(user: keyof typeof DEMO_USERS): Promise<string> {
  const secret = process.env.AUTH_TEST_CLIENT_SECRET ?? DEV_AUTH_SECRET;
  return (await idpPasswordGrant(inject('identityIssuer'), secret, DEMO_USERS[user])).access_token;
}

function create(baseUrl: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/quotes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The sequences of the given numbers, sorted; throws on anything that is not a first revision. */
function sequences(numbers: string[]): number[] {
  return numbers
    .map((n) => {
      const parts = parseQuoteNumber(n);
      if (!parts || parts.revision !== 1) throw new Error(`unexpected number ${n}`);
      return parts.sequence;
    })
    .sort((a, b) => a - b);
}

describe.each(DATABASES)('quote numbering on %s', (target) => {
  let sales: SalesApi;
  let second: SalesApi | undefined;
  let clientId: string;
  let token: string;

  beforeAll(async () => {
    // PostgreSQL: a pool of 10 connections per instance, so creations really run side by side.
    sales = await startSalesApi(target, { DATABASE_POOL_SIZE: '10' });
    clientId = (await createClient(sales.as.commercial1, 'Concurrence SA')).id;
    token = await tokenOf('commercial1');
    // PostgreSQL: a second API instance on the same database: numbers must hold across instances too.
    if (target === 'postgres') second = await secondInstance(sales, { DATABASE_POOL_SIZE: '10' });
  });
  afterAll(async () => {
    await second?.close();
    await sales?.close();
  });

  it(`gives ${CREATIONS} concurrent creations ${CREATIONS} distinct, consecutive numbers`, async () => {
    const before = sequences(
      (await sales.as.commercial1.get<{ items: Quote[] }>('/api/quotes?pageSize=100')).body.items.map(
        (q) => q.number,
      ),
    );
    const instances = [sales.api.url, ...(second ? [second.api.url] : [])];
    const responses = await Promise.all(
      Array.from({ length: CREATIONS }, (_, i) =>
        create(
          instances[i % instances.length] ?? sales.api.url,
          token,
          quoteBody(clientId, { title: `Concurrent ${i}` }),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    const numbers = await Promise.all(responses.map(async (r) => ((await r.json()) as Quote).number));
    expect(new Set(numbers).size).toBe(CREATIONS);
    const got = sequences(numbers);
    const first = (before.at(-1) ?? 0) + 1;
    expect(got).toEqual(Array.from({ length: CREATIONS }, (_, i) => first + i));
  });

  it('gives a number back when the creating transaction rolls back (no gap)', async () => {
    const { db } = sales.api.app.get<symbol, DatabaseHandle>(DATABASE);
    const draft = (await (await create(sales.api.url, token, quoteBody(clientId))).json()) as Quote;
    let drawn = '';
    await expect(
      db.transaction(async (tx) => {
        // Renumbering an existing row draws from the same counter as a creation would.
        drawn = (await sales.api.app.get(QuotesRepository).assignNumber(tx, draft.id)).number;
        throw new Error('creation failed after the number was drawn');
      }),
    ).rejects.toThrow('creation failed');
    const parts = parseQuoteNumber(draft.number);
    expect(drawn).toBe(formatQuoteNumber({ year: parts?.year ?? 0, sequence: (parts?.sequence ?? 0) + 1 }));
    const next = await create(sales.api.url, token, quoteBody(clientId));
    expect(((await next.json()) as Quote).number).toBe(drawn);
  });
});
