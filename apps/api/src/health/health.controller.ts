import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HealthRegistry, type ReadinessReport } from './health.registry.js';
import { Public } from '../auth/public.decorator.js';

// Public: read before anyone has signed in (SPA boot, load balancers, the home page).
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /** The process is up and serving HTTP; says nothing about dependencies. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when every registered dependency answers, else 503 naming the ones that do not. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.registry.readiness();
    void reply.header('cache-control', 'no-store').status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
