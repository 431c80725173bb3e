import { Module } from '@nestjs/common';
import { LeadSchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { lifecycleController } from '../activities/record-lifecycle.controller.js';
import { OpportunitiesModule } from '../opportunities/opportunities.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { LeadsController } from './leads.controller.js';
import { LeadsService } from './leads.service.js';
import { LeadsRepository } from './leads.repository.js';
import { LeadsCsvController } from './leads-csv.controller.js';
import { LeadsImportService } from './leads-import.service.js';

@Module({
  imports: [AuditModule, ActivitiesModule, ClientsModule, OpportunitiesModule, StaffModule],
  controllers: [
    LeadsController,
    LeadsCsvController,
    lifecycleController({
      path: 'api/leads',
      service: LeadsService,
      record: LeadSchema,
      read: 'leads:read',
      write: 'leads:write',
      timeline: 'leadId',
    }),
  ],
  providers: [LeadsRepository, LeadsService, LeadsImportService],
  exports: [LeadsRepository, LeadsService],
})
export class LeadsModule {}
