import { Module } from '@nestjs/common';
import { ReceivablesModule } from '../receivables/receivables.module.js';
import { SalesTargetsModule } from '../sales-targets/sales-targets.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardRepository } from './dashboard.repository.js';
import { DashboardService } from './dashboard.service.js';

/** The home page's cockpit: SQL aggregates over the sales records and jobs (dashboard.repository.ts);
 * the receivables card is the receivables room's own totals. */
@Module({
  imports: [SalesTargetsModule, ReceivablesModule],
  controllers: [DashboardController],
  providers: [DashboardRepository, DashboardService],
})
export class DashboardModule {}
