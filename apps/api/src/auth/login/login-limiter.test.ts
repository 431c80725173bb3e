import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../../test/support/auth.js';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createLogger } from '../../common/logger.js';
import { RedisConnection } from '../../common/rate-limit/redis-connection.js';
import { loadConfig } from '../../config/app-config.js';
import { LoginLimiter } from './login-limiter.js';

// Both stores of the login limiter against the machine's real Redis (127.0.0.1:6379). Every run
// uses its own key prefix and deletes its keys afterwards, so parallel runs never interfere.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `velosi-test:${randomBytes(6).toString('hex')}:`;
const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });

async function keysOfThisRun(): Promise<string[]> {
  return redis.keys(`${prefix}*`);
}

beforeAll(() => redis.connect());
afterAll(async () => {
  const keys = await keysOfThisRun();
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe.each(['memory', 'redis'] as const)('LoginLimiter with the %s store', (store) => {
  let limiter: LoginLimiter;
  let connection: RedisConnection;
  beforeAll(async () => {
    const config = loadConfig({
      AUTH_LOGIN_RATE_LIMIT: '3/60',
      AUTH_LOGIN_IP_RATE_LIMIT: '8/60',
      ...(store === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: `${prefix}${store}:` } : {}),
    });
    connection = new RedisConnection(config, createLogger({ logLevel: 'silent' }));
    await connection.onModuleInit();
    limiter = new LoginLimiter(config, connection);
  });
  afterAll(() => connection?.onApplicationShutdown());

  it('uses the configured store', () => {
    expect(limiter.store).toBe(store);
  });

  it('allows 3 attempts, then answers the seconds to wait', async () => {
    for (let i = 0; i < 3; i++) expect(await limiter.reserve('10.0.0.1', 'alice')).toBe(0);
    const wait = await limiter.reserve('10.0.0.1', 'alice');
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThanOrEqual(60);
    // The same username from another address, and another username, have their own budgets.
    expect(await limiter.reserve('10.0.0.2', 'alice')).toBe(0);
    expect(await limiter.reserve('10.0.0.1', 'bob')).toBe(0);
  });

  it('a success clears the count; an undecided attempt gives its point back', async () => {
    for (let i = 0; i < 3; i++) await limiter.reserve('10.0.0.3', 'carol');
    await limiter.succeeded('10.0.0.3', 'carol');
    for (let i = 0; i < 2; i++) expect(await limiter.reserve('10.0.0.3', 'carol')).toBe(0);
    await limiter.undecided('10.0.0.3', 'carol');
    await limiter.undecided('10.0.0.3', 'carol');
    for (let i = 0; i < 3; i++) expect(await limiter.reserve('10.0.0.3', 'carol')).toBe(0);
    expect(await limiter.reserve('10.0.0.3', 'carol')).toBeGreaterThan(0);
  });

  it('parallel attempts cannot exceed the budget', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => limiter.reserve('10.0.0.4', 'dave')));
    expect(results.filter((w) => w === 0)).toHaveLength(3);
  });

  it('one address walking a list of usernames is stopped after 8 failures, other addresses are not', async () => {
    for (let i = 0; i < 8; i++) expect(await limiter.reserve('10.0.0.9', `user-${i}`)).toBe(0);
    expect(await limiter.reserve('10.0.0.9', 'user-new')).toBeGreaterThan(55);
    expect(await limiter.reserve('10.0.0.10', 'user-new')).toBe(0);
    // A success from the address gives its point back.
    await limiter.succeeded('10.0.0.10', 'user-new');
    for (let i = 0; i < 8; i++) expect(await limiter.reserve('10.0.0.10', `other-${i}`)).toBe(0);
  });

  it.runIf(store === 'redis')('keeps its counts in Redis, under the prefix, without usernames', async () => {
    const keys = await redis.keys(`${prefix}redis:*`);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(keys.join(' ')).not.toMatch(/alice|bob|carol|dave|10\.0\.0/);
  });
});

describe('two API instances sharing Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: `${prefix}api:`, AUTH_LOGIN_RATE_LIMIT: '3/60' };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('count failures together: the 4th attempt is refused by either instance', async () => {
    const user = `ghost-${randomBytes(4).toString('hex')}`;
    expect((await login(a.url, user, 'wrong-1')).status).toBe(401);
    expect((await login(b.url, user, 'wrong-2')).status).toBe(401);
    expect((await login(a.url, user, 'wrong-3')).status).toBe(401);
    const blocked = await login(b.url, user, 'wrong-4');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(a.url, user, 'wrong-5')).status).toBe(429);
    // One key for the address + username, one for the address alone.
    expect(await redis.keys(`${prefix}api:login-fail*`)).toHaveLength(2);
  });
});

describe('behind a reverse proxy', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await startTestApp({ TRUST_PROXY: '1', AUTH_LOGIN_IP_RATE_LIMIT: '5/60' });
  });
  afterAll(() => proxied?.close());

  /** A login whose X-Forwarded-For carries a spoofed first entry and the address the proxy appended. */
  function viaProxy(username: string, spoofed: string, seenByProxy: string): Promise<Response> {
    return fetch(`${proxied.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `${spoofed}, ${seenByProxy}` },
      body: JSON.stringify({ username, password: 'wrong' }),
    });
  }

  it('TRUST_PROXY=1 takes the address the proxy saw: a rotating spoofed entry does not reset the budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await viaProxy(`walker-${i}`, `10.9.${i}.${i}`, '203.0.113.7')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await viaProxy('walker-x', '10.9.9.9', '198.51.100.9')).status).toBe(401);
  });

  it('TRUST_PROXY accepts false, true, a hop count or proxy addresses, and refuses anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, fd12::10' }).http.trustProxy).toEqual([
      '10.0.0.0/8',
      'fd12::10',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });
});
