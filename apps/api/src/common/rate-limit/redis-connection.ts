import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { APP_LOGGER, type AppLogger } from '../logger.js';

const REDIS_READY_TIMEOUT_MS = 3_000;

/**
 * The one Redis client of the process, when REDIS_URL is set (state shared by API instances: login
 * rate limits, token revocations). Commands fail fast while Redis is down (no offline queue, one
 * retry) so each user of it falls back to its in-process store instead of queueing requests.
 */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis | undefined;
  /** Prefix of every key this process writes, so several environments can share one Redis. */
  readonly keyPrefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    this.keyPrefix = config.redis?.keyPrefix ?? '';
    if (config.redis) {
      this.client = new Redis(config.redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.client.on('error', (err) => logger.warn({ err }, 'redis error (in-process fallbacks answer)'));
    }
  }

  /**
   * Waits (bounded) for the connection: with the offline queue off, commands sent before it is
   * ready would all fall to the fallbacks. Redis being down does not stop start-up.
   */
  async onModuleInit(): Promise<void> {
    const redis = this.client;
    if (!redis || redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), REDIS_READY_TIMEOUT_MS);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) this.logger.warn('redis not ready: shared state is per instance until it is');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}
