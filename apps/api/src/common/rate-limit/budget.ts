import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/** A budget of `points` per `seconds`, as the *_RATE_LIMIT variables write it (`300/60`). */
export interface BudgetSize {
  points: number;
  seconds: number;
}

/**
 * One rate-limiter-flexible budget: in Redis (shared by every instance) when a client is given,
 * with an in-process insurance budget answering while Redis is down; in-process otherwise.
 */
export function budget(
  redis: Redis | undefined,
  { points, seconds }: BudgetSize,
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

/** Takes one point: 0 when taken, else the seconds until one is free again (Retry-After). */
export async function consume(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    // consume() rejects with a RateLimiterRes once the budget is spent; anything else is a bug.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  }
}
