import { Module } from '@nestjs/common';
import { SalesTargetRecordSchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { lifecycleController } from '../activities/record-lifecycle.controller.js';
import { AuditModule } from '../audit/audit.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { SalesMeasures } from './sales-measures.js';
import { SalesTargetsController } from './sales-targets.controller.js';
import { SalesTargetsRepository } from './sales-targets.repository.js';
import { SalesTargetsService } from './sales-targets.service.js';

/** Objectifs commerciaux, and the per-commercial measures the dashboard and reports share. */
@Module({
  imports: [AuditModule, ActivitiesModule, StaffModule],
  controllers: [
    SalesTargetsController,
    lifecycleController({
      path: 'api/sales-targets',
      service: SalesTargetsService,
      record: SalesTargetRecordSchema,
      read: 'targets:read',
      write: 'targets:write',
    }),
  ],
  providers: [SalesTargetsRepository, SalesTargetsService, SalesMeasures],
  exports: [SalesTargetsService, SalesMeasures],
})
export class SalesTargetsModule {}
