import { Module } from '@nestjs/common';
import { LeadSchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { lifecycleController } from '../common/records/lifecycle.controller.js';
import { OpportunitiesModule } from '../opportunities/opportunities.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { LeadsController } from './leads.controller.js';
import { LeadsService } from './leads.service.js';

@Module({
  imports: [AuditModule, ActivitiesModule, ClientsModule, OpportunitiesModule, StaffModule],
  controllers: [
    LeadsController,
    lifecycleController({
      path: 'api/leads',
      service: LeadsService,
      record: LeadSchema,
      read: 'leads:read',
      write: 'leads:write',
      timeline: 'leadId',
    }),
  ],
  providers: [LeadsService],
  exports: [LeadsService],
})
export class LeadsModule {}
