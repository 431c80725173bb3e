import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

const REDIS_READY_TIMEOUT_MS = 3_000;

/**
 * Counts failed logins per client IP + username, and per client IP across usernames, and refuses
 * further attempts once either budget is spent (429 + Retry-After). One rate-limiter-flexible
 * implementation, two stores: in-process for a single instance, Redis (shared by every instance)
 * when REDIS_URL is set. Keycloak's own brute-force protection still applies per user behind this;
 * this layer stops the traffic before it reaches it, so one address can neither guess one account's
 * password nor walk a list of usernames.
 */
@Injectable()
export class LoginLimiter implements OnModuleInit, OnApplicationShutdown {
  readonly store: 'memory' | 'redis';
  private readonly perUser: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;
  private readonly redis: Redis | undefined;
  private readonly logger: AppLogger;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(APP_LOGGER) logger: AppLogger) {
    this.logger = logger;
    const prefix = config.redis?.keyPrefix ?? '';
    if (config.redis) {
      // Commands must fail fast when Redis is down (rate-limiter-flexible's advice) so the
      // insurance limiter answers instead of requests queueing behind a reconnect.
      this.redis = new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', (err) =>
        logger.warn({ err }, 'redis error (login limiter uses its in-process fallback)'),
      );
    }
    this.store = this.redis ? 'redis' : 'memory';
    this.perUser = limiter(this.redis, config.auth.loginRateLimit, `${prefix}login-fail`);
    this.perIp = limiter(this.redis, config.auth.loginIpRateLimit, `${prefix}login-fail-ip`);
  }

  /**
   * Waits (bounded) for the Redis connection: with the offline queue off, commands sent before it
   * is ready would all fall to the per-instance fallback. Redis being down does not stop start-up.
   */
  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), REDIS_READY_TIMEOUT_MS);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) this.logger.warn('redis not ready: login throttling is per instance until it is');
  }

  /**
   * Reserves one attempt before the IdP is asked, so parallel guesses cannot all slip in before the
   * first failure is counted. Returns 0 when allowed, else the seconds to wait (Retry-After).
   */
  async reserve(ip: string, username: string): Promise<number> {
    const waits = await Promise.all([
      consume(this.perUser, keyOf(ip, username)),
      consume(this.perIp, keyOf(ip, '')),
    ]);
    return Math.max(...waits);
  }

  /** A successful login clears the user's count and gives the address its point back. */
  async succeeded(ip: string, username: string): Promise<void> {
    await Promise.all([this.perUser.delete(keyOf(ip, username)), this.perIp.reward(keyOf(ip, ''), 1)]);
  }

  /** The attempt never reached a verdict (IdP down): give the reserved points back. */
  async undecided(ip: string, username: string): Promise<void> {
    await Promise.all([this.perUser.reward(keyOf(ip, username), 1), this.perIp.reward(keyOf(ip, ''), 1)]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

// Hashed so Redis never holds usernames or addresses; case-folded like Keycloak's usernames.
function keyOf(ip: string, username: string): string {
  return createHash('sha256').update(`${ip}\n${username.trim().toLowerCase()}`).digest('base64url');
}

function limiter(
  redis: Redis | undefined,
  { points, seconds }: { points: number; seconds: number },
  keyPrefix: string,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration: seconds, keyPrefix });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    points,
    duration: seconds,
    keyPrefix,
    insuranceLimiter: memory,
  });
}

/** 0 when the point was taken, else the seconds until one is free again. */
async function consume(budget: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await budget.consume(key);
    return 0;
  } catch (rejection) {
    // consume() rejects with a RateLimiterRes once the budget is spent; anything else is a bug.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
}
