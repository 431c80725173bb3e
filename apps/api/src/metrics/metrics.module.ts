import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { AppMetrics } from './app-metrics.js';
import { MetricsController } from './metrics.controller.js';

/**
 * Why a request was refused authentication, from its answer (so every refusal counts, whichever
 * guard or controller answered), or undefined when it was not an authentication failure.
 */
export function authFailureReason(
  route: string | undefined,
  statusCode: number,
  hadAuthorization: boolean,
): string | undefined {
  if (route === '/api/auth/login') {
    if (statusCode === 401) return 'bad_credentials';
    if (statusCode === 429) return 'login_rate_limited';
    return undefined;
  }
  if (route === '/metrics' && statusCode === 401) return 'metrics_token';
  if (route === '/api/auth/refresh' && statusCode === 401) return 'invalid_refresh_token';
  if (statusCode === 401) return hadAuthorization ? 'invalid_token' : 'missing_token';
  if (statusCode === 403) return 'forbidden';
  if (statusCode === 429) return 'rate_limited';
  return undefined;
}

/** Times every request Fastify answers (Nest routes, the SPA's files, 404s) once it has been sent. */
@Injectable()
class RequestTiming implements OnModuleInit {
  constructor(
    private readonly metrics: AppMetrics,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // A root hook applies to every route, also those Nest registered before this runs.
    fastify.addHook('onResponse', (request, reply, done) => {
      this.metrics.observeRequest(
        request.method,
        request.routeOptions.url,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      const reason = authFailureReason(
        request.routeOptions.url,
        reply.statusCode,
        request.headers.authorization !== undefined,
      );
      if (reason) this.metrics.countAuthFailure(reason);
      done();
    });
    if (this.database.pool) this.metrics.watchPool(this.database.pool);
    this.database.onQuery?.((operation, seconds) => this.metrics.observeQuery(operation, seconds));
  }
}

/** Prometheus metrics of this instance at GET /metrics (see MetricsController for who may read). */
@Module({
  controllers: [MetricsController],
  providers: [AppMetrics, RequestTiming],
  exports: [AppMetrics],
})
export class MetricsModule {}
