import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { budget, consume } from '../../common/rate-limit/budget.js';
import { RedisConnection } from '../../common/rate-limit/redis-connection.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';

/**
 * Counts failed logins per client IP + username, and per client IP across usernames, and refuses
 * further attempts once either budget is spent (429 + Retry-After). One rate-limiter-flexible
 * implementation, two stores: in-process for a single instance, Redis (shared by every instance)
 * when REDIS_URL is set. Keycloak's own brute-force protection still applies per user behind this;
 * this layer stops the traffic before it reaches it, so one address can neither guess one account's
 * password nor walk a list of usernames.
 */
@Injectable()
export class LoginLimiter {
  readonly store: 'memory' | 'redis';
  private readonly perUser: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(RedisConnection) redis: RedisConnection) {
    this.store = redis.client ? 'redis' : 'memory';
    this.perUser = budget(redis.client, config.auth.loginRateLimit, `${redis.keyPrefix}login-fail`);
    this.perIp = budget(redis.client, config.auth.loginIpRateLimit, `${redis.keyPrefix}login-fail-ip`);
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
}

// Hashed so Redis never holds usernames or addresses; case-folded like Keycloak's usernames.
function keyOf(ip: string, username: string): string {
  return createHash('sha256').update(`${ip}\n${username.trim().toLowerCase()}`).digest('base64url');
}
