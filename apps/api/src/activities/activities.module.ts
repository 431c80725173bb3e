import { Module } from '@nestjs/common';
import { ActivitySchema } from '@velosi/contracts';
import { AuditModule } from '../audit/audit.module.js';
import { lifecycleController } from './record-lifecycle.controller.js';
import { StaffModule } from '../staff/staff.module.js';
import { ActivitiesController } from './activities.controller.js';
import { ActivitiesService } from './activities.service.js';
import { TimelineService } from './timeline.service.js';
import { TimelineNames } from './timeline-names.js';
import { ActivitiesRepository } from './activities.repository.js';

@Module({
  imports: [AuditModule, StaffModule],
  controllers: [
    ActivitiesController,
    lifecycleController({
      path: 'api/activities',
      service: ActivitiesService,
      record: ActivitySchema,
      read: 'activities:read',
      write: 'activities:write',
    }),
  ],
  providers: [ActivitiesRepository, ActivitiesService, TimelineService, TimelineNames],
  // Every record type with a detail page (leads, opportunities, clients, quotes) shows a timeline.
  exports: [ActivitiesRepository, TimelineService, TimelineNames],
})
export class ActivitiesModule {}
