import { randomBytes } from 'node:crypto';
import { ProblemSchema } from '@velosi/contracts';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../test/support/auth.js';
import { createClient, createQuote, quoteBody } from '../../../test/support/records/quotes.js';
import { secondInstance, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

// The API's request budgets end to end: per signed-in user, per address (before authentication,
// so a flood of bad tokens counts), the stricter PDF budget, 429 problem+json with Retry-After; and
// two instances sharing Redis spend one budget. Real Redis (127.0.0.1:6379), keys under a prefix
// of this run, deleted afterwards.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `velosi-test:${randomBytes(6).toString('hex')}:`;

async function refused(res: Response): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(ProblemSchema.parse(await res.json()).status).toBe(429);
}

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('one instance, in-process budgets', () => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi('pglite', {
      API_USER_RATE_LIMIT: '20/60',
      API_IP_RATE_LIMIT: '200/60',
      API_DOCUMENT_RATE_LIMIT: '3/60',
    });
  });
  afterAll(() => sales?.close());

  it('a user gets 20 requests a minute, then 429; another user keeps theirs', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => sales.as.ops1.get('/api/quotes')));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
    await refused(await sales.as.ops1.raw('/api/quotes'));
    expect((await sales.as.finance1.get('/api/quotes')).status).toBe(200);
  });

  it('PDFs spend a budget of their own: the 4th in a minute is refused', async () => {
    const clientId = (await createClient(sales.as.commercial1, 'Budget SARL')).id;
    const quote = await createQuote(sales.as.commercial1, quoteBody(clientId));
    for (let i = 0; i < 3; i++)
      expect((await sales.as.commercial1.raw(`/api/quotes/${quote.id}/pdf`)).status).toBe(200);
    await refused(await sales.as.commercial1.raw(`/api/quotes/${quote.id}/pdf`));
    // Other routes still answer for that user.
    expect((await sales.as.commercial1.get(`/api/quotes/${quote.id}`)).status).toBe(200);
  });

  it('the address budget counts requests before authentication: bad tokens flood it too', async () => {
    const bad = bearer('a.b.c');
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`${sales.api.url}/api/quotes`, { headers: bad }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 401).length + statuses.filter((s) => s === 429).length).toBe(200);
    await refused(await fetch(`${sales.api.url}/api/quotes`, { headers: bad }));
    await refused(await sales.as.admin.raw('/api/quotes'));
    // Health and metrics are not /api: probes keep working.
    expect((await fetch(`${sales.api.url}/health/live`)).status).toBe(200);
  });
});

describe.runIf(process.env.DATABASE_URL)('two instances sharing Redis', () => {
  let a: SalesApi;
  let b: SalesApi;
  beforeAll(async () => {
    const env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      API_USER_RATE_LIMIT: '10/60',
      API_IP_RATE_LIMIT: '40/60',
    };
    a = await startSalesApi('postgres', env);
    b = await secondInstance(a, env);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a user spends one budget across instances', async () => {
    for (let i = 0; i < 10; i++) expect((await [a, b][i % 2]!.as.ops1.get('/api/quotes')).status).toBe(200);
    await refused(await a.as.ops1.raw('/api/quotes'));
    await refused(await b.as.ops1.raw('/api/quotes'));
  });

  it('an address spends one budget across instances', async () => {
    const users = [a.as.admin, b.as.finance1, a.as.commercial1, b.as.commercial2];
    let spent = 10; // the previous test's requests came from this address too
    for (let i = 0; spent < 40; i++, spent++) await users[i % users.length]!.get('/api/info');
    await refused(await fetch(`${a.api.url}/api/info`));
    await refused(await fetch(`${b.api.url}/api/info`));
  });
});
