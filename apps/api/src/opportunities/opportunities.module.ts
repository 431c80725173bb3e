import { Module } from '@nestjs/common';
import { OpportunitySchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { lifecycleController } from '../activities/record-lifecycle.controller.js';
import { StaffModule } from '../staff/staff.module.js';
import { OpportunitiesController } from './opportunities.controller.js';
import { OpportunitiesService } from './opportunities.service.js';
import { OpportunitiesRepository } from './opportunities.repository.js';
import { OpportunitiesCsvController } from './opportunities-csv.controller.js';

@Module({
  imports: [AuditModule, ActivitiesModule, StaffModule],
  controllers: [
    OpportunitiesController,
    OpportunitiesCsvController,
    lifecycleController({
      path: 'api/opportunities',
      service: OpportunitiesService,
      record: OpportunitySchema,
      read: 'opportunities:read',
      write: 'opportunities:write',
      timeline: 'opportunityId',
    }),
  ],
  providers: [OpportunitiesRepository, OpportunitiesService],
  // Lead conversion creates one; quote acceptance closes one as won.
  exports: [OpportunitiesRepository, OpportunitiesService],
})
export class OpportunitiesModule {}
