import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { budget, consume } from './budget.js';
import { RedisConnection } from './redis-connection.js';

/** The request budgets: per address on all of /api, per user, and per route kind. */
export type BudgetName = keyof AppConfig['rateLimits'];

/**
 * The API's request budgets (429 + Retry-After once one is spent). Counted in Redis when REDIS_URL
 * is set, so every instance spends the same budget; in-process otherwise (and while Redis is down).
 * Keys are hashed: Redis never holds addresses or user ids.
 */
@Injectable()
export class RequestBudgets {
  private readonly budgets: Record<BudgetName, RateLimiterAbstract>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(RedisConnection) redis: RedisConnection) {
    const make = (name: BudgetName) =>
      budget(redis.client, config.rateLimits[name], `${redis.keyPrefix}budget-${name}`);
    this.budgets = {
      ip: make('ip'),
      user: make('user'),
      documents: make('documents'),
      publicLinks: make('publicLinks'),
    };
  }

  /** Spends one request of `name` for `who`: 0 when allowed, else the seconds to wait. */
  spend(name: BudgetName, who: string): Promise<number> {
    return consume(this.budgets[name], createHash('sha256').update(who).digest('base64url'));
  }
}
