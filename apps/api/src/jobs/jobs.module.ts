import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { MailModule } from '../mail/mail.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StaffModule } from '../staff/staff.module.js';
import { JobOpening } from './domain/job-opening.js';
import { JobPartsService } from './domain/job-parts.service.js';
import { JobTimeline } from './domain/job-timeline.js';
import { JobsService } from './domain/jobs.service.js';
import { MilestoneNotices } from './domain/milestone-notices.js';
import { JobDocumentsController } from './http/job-documents.controller.js';
import { JobPartsController } from './http/job-parts.controller.js';
import { JobsCsvController } from './http/jobs-csv.controller.js';
import { JobsController, QuoteJobController } from './http/jobs.controller.js';
import { JobPartsRepository } from './persistence/job-parts.repository.js';
import { JobsRepository } from './persistence/jobs.repository.js';

/**
 * Operations job files as rooms: http/ → domain/ → persistence/, plus documents/ (draft house
 * bills) and demo/. It depends on no sales module: QuotesModule imports it so that accepting a
 * quote opens the job (JobOpening) in the acceptance's transaction.
 *
 * Hooks for other modules: `JobOpening.onJobOpened(listener)` and
 * `JobPartsService.onMilestoneRecorded(listener)`, both run inside the write's transaction;
 * `MilestoneNotices` uses the latter to notify the client's commercials, and
 * `onMilestoneCommitted` to e-mail the client contact after commit; `onChargeChange(lock)` and
 * `JobsService.readChargeBillingWith(reader)` let invoices freeze the lines they bill and name them.
 */
@Module({
  imports: [AuditModule, ActivitiesModule, StaffModule, NotificationsModule, MailModule],
  // The CSV controller comes before JobsController so `export.csv` is not taken for an `:id`.
  controllers: [
    JobsCsvController,
    JobsController,
    JobPartsController,
    JobDocumentsController,
    QuoteJobController,
  ],
  providers: [
    JobsRepository,
    JobPartsRepository,
    JobOpening,
    JobsService,
    JobPartsService,
    JobTimeline,
    MilestoneNotices,
  ],
  exports: [JobOpening, JobsRepository, JobsService, JobPartsService],
})
export class JobsModule {}
