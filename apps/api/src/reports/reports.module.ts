import { Module } from '@nestjs/common';
import { SalesTargetsModule } from '../sales-targets/sales-targets.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { ReportsController } from './reports.controller.js';
import { SalesReportService } from './sales-report.service.js';

/** Sales reports (PDF with the letterhead, CSV) built on the shared per-commercial measures. */
@Module({
  imports: [SalesTargetsModule, StaffModule],
  controllers: [ReportsController],
  providers: [SalesReportService],
})
export class ReportsModule {}
