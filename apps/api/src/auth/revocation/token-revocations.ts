import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import { RedisConnection } from '../../common/rate-limit/redis-connection.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

/** What of a verified access token a revocation can match. */
export interface RevocableToken {
  sub: string;
  /** Keycloak's session id: one login on one device. */
  sid?: string | undefined;
  /** Issued-at, seconds since the epoch. */
  iat?: number | undefined;
}

// Enough for every user and session of a forwarder several times over; the oldest go first.
const LOCAL_ENTRIES = 50_000;

/**
 * Access tokens are validated locally and live for minutes; logging out, disabling an account or
 * changing its roles must not leave them working until they expire. Each such event records a
 * "not before" second for the user or the session, kept as long as an access token can live
 * (AUTH_REVOCATION_TTL_SECONDS); the guard refuses a token issued before it. Every instance keeps
 * its own copy and, when REDIS_URL is set, shares it through Redis so a logout on one instance
 * holds on all of them. Redis unreachable → the local copy still answers (and the event is logged).
 */
@Injectable()
export class TokenRevocations {
  private readonly local: LRUCache<string, number>;
  private readonly ttlSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RedisConnection) private readonly redis: RedisConnection,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.ttlSeconds = config.auth.revocationTtlSeconds;
    this.local = new LRUCache({ max: LOCAL_ENTRIES, ttl: this.ttlSeconds * 1000 });
  }

  /** Every access token of this user issued up to now stops working (disabled, roles changed). */
  revokeUser(sub: string): Promise<void> {
    return this.record(`user:${sub}`);
  }

  /** Every access token of this session issued up to now stops working (logout). */
  revokeSession(sid: string): Promise<void> {
    return this.record(`sid:${sid}`);
  }

  async isRevoked(token: RevocableToken): Promise<boolean> {
    const keys = [`user:${token.sub}`, ...(token.sid ? [`sid:${token.sid}`] : [])];
    const notBefore = Math.max(
      0,
      ...keys.map((key) => this.local.get(key) ?? 0),
      ...(await this.shared(keys)),
    );
    // A token without iat cannot prove it came after the revocation.
    return notBefore > 0 && (token.iat ?? 0) < notBefore;
  }

  private async record(key: string): Promise<void> {
    // Rounded up: a token issued earlier in the same second is caught. One issued later in that
    // second is refused too; the client's next refresh, a second later, is accepted.
    const notBefore = Math.ceil(Date.now() / 1000);
    this.local.set(key, Math.max(notBefore, this.local.get(key) ?? 0));
    const client = this.redis.client;
    if (!client) return;
    try {
      await client.set(this.redisKey(key), String(notBefore), 'EX', this.ttlSeconds);
    } catch (err) {
      this.logger.error({ err }, 'revocation not shared through redis: other instances accept the tokens');
    }
  }

  private async shared(keys: string[]): Promise<number[]> {
    const client = this.redis.client;
    if (!client) return [];
    try {
      const values = await client.mget(keys.map((key) => this.redisKey(key)));
      return values.map((value) => Number(value ?? 0));
    } catch (err) {
      this.logger.warn({ err }, 'revocations read from this instance only (redis unreachable)');
      return [];
    }
  }

  private redisKey(key: string): string {
    return `${this.redis.keyPrefix}revoked:${key}`;
  }
}
