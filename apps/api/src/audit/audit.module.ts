import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { AuditService } from './audit.service.js';

@Module({ imports: [MetricsModule], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
