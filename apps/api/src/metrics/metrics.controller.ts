import {
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { HiddenFromDocs } from '../docs/api-docs.decorators.js';
import { AppMetrics } from './app-metrics.js';
import { metricsAccessFrom, metricsVerdict, type MetricsAccess } from './metrics-access.js';

/**
 * `GET /metrics` in the Prometheus text format. Public to the user-token guard because Prometheus
 * has no user: it authenticates with METRICS_TOKEN instead (see metrics-access.ts). An operations
 * endpoint, not part of the business API, hence absent from the OpenAPI document.
 */
@Public()
@HiddenFromDocs()
@Controller('metrics')
export class MetricsController {
  private readonly access: MetricsAccess;

  constructor(
    private readonly metrics: AppMetrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.access = metricsAccessFrom(config);
  }

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const verdict = metricsVerdict(this.access, authorization);
    if (verdict === 'disabled') throw new NotFoundException();
    if (verdict === 'unauthorized') {
      void reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('A valid metrics bearer token is required.');
    }
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return this.metrics.render();
  }
}
