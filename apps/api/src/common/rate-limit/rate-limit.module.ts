import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from '../problem.filter.js';
import { RateLimitInterceptor } from './rate-limit.interceptor.js';
import { RedisConnection } from './redis-connection.js';
import { RequestBudgets } from './request-budgets.js';

/**
 * Request budgets for the whole API and the process's one Redis client (shared with the login
 * limiter and token revocations). The per-address budget is a Fastify hook on /api, before
 * routing and authentication; per-user and per-route budgets are the interceptor.
 */
@Global()
@Module({
  providers: [RedisConnection, RequestBudgets, { provide: APP_INTERCEPTOR, useClass: RateLimitInterceptor }],
  exports: [RedisConnection, RequestBudgets],
})
export class RateLimitModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(RequestBudgets) private readonly budgets: RequestBudgets,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      const wait = await this.budgets.spend('ip', `ip:${request.ip}`);
      if (wait === 0) return;
      await reply
        .code(429)
        .header('retry-after', String(wait))
        .type(PROBLEM_CONTENT_TYPE)
        .send(problem(429, 'Too many requests from this address; retry shortly.'));
    });
  }
}
