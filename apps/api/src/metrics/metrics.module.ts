import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { AppMetrics } from './app-metrics.js';
import { MetricsController } from './metrics.controller.js';

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
      done();
    });
    if (this.database.pool) this.metrics.watchPool(this.database.pool);
  }
}

/** Prometheus metrics of this instance at GET /metrics (see MetricsController for who may read). */
@Module({
  controllers: [MetricsController],
  providers: [AppMetrics, RequestTiming],
  exports: [AppMetrics],
})
export class MetricsModule {}
