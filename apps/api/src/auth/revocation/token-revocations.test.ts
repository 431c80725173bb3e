import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../common/logger.js';
import { RedisConnection } from '../../common/rate-limit/redis-connection.js';
import { loadConfig } from '../../config/app-config.js';
import { TokenRevocations } from './token-revocations.js';

// Two instances' revocation stores against the machine's real Redis (127.0.0.1:6379), each run
// under its own key prefix, deleted afterwards.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `velosi-test:${randomBytes(6).toString('hex')}:`;
const logger = createLogger({ logLevel: 'silent' });
const connections: RedisConnection[] = [];
const now = () => Math.floor(Date.now() / 1000);

async function instance(env: Record<string, string>): Promise<TokenRevocations> {
  const config = loadConfig(env);
  const connection = new RedisConnection(config, logger);
  await connection.onModuleInit();
  connections.push(connection);
  return new TokenRevocations(config, connection, logger);
}

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await Promise.all(connections.map((c) => c.onApplicationShutdown()));
});

describe('without Redis (one instance)', () => {
  let store: TokenRevocations;
  beforeAll(async () => {
    store = await instance({});
  });

  it('a revoked session refuses the tokens issued before, not the later ones nor other sessions', async () => {
    const issued = now() - 10;
    expect(await store.isRevoked({ sub: 'u1', sid: 's1', iat: issued })).toBe(false);
    await store.revokeSession('s1');
    expect(await store.isRevoked({ sub: 'u1', sid: 's1', iat: issued })).toBe(true);
    expect(await store.isRevoked({ sub: 'u1', sid: 's2', iat: issued })).toBe(false);
    expect(await store.isRevoked({ sub: 'u1', sid: 's1', iat: now() + 2 })).toBe(false);
  });

  it('a revoked user refuses every session of theirs, and a token without iat', async () => {
    await store.revokeUser('u2');
    expect(await store.isRevoked({ sub: 'u2', sid: 'any', iat: now() - 1 })).toBe(true);
    expect(await store.isRevoked({ sub: 'u2' })).toBe(true);
    expect(await store.isRevoked({ sub: 'u3', iat: now() - 1 })).toBe(false);
  });
});

describe('two instances sharing Redis', () => {
  let a: TokenRevocations;
  let b: TokenRevocations;
  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, AUTH_REVOCATION_TTL_SECONDS: '120' };
    [a, b] = await Promise.all([instance(env), instance(env)]);
  });

  it('a logout on one instance holds on the other', async () => {
    const token = { sub: 'u4', sid: 's4', iat: now() - 5 };
    expect(await b.isRevoked(token)).toBe(false);
    await a.revokeSession('s4');
    expect(await b.isRevoked(token)).toBe(true);
  });

  it('keeps its entries in Redis under the prefix, expiring after the configured time', async () => {
    await b.revokeUser('u5');
    const redis = new Redis(REDIS_URL);
    try {
      const ttl = await redis.ttl(`${prefix}revoked:user:u5`);
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
    } finally {
      await redis.quit();
    }
    expect(await a.isRevoked({ sub: 'u5', iat: now() - 1 })).toBe(true);
  });
});
