import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ATTACHMENT_OWNERS } from './attachment-owners.js';
import { attachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * Files on jobs, clients and activities: one controller per entry of ATTACHMENT_OWNERS. The
 * owners' modules are imported for their repositories (visibility and audit of the owner).
 */
@Module({
  imports: [JobsModule, ClientsModule, ActivitiesModule],
  controllers: ATTACHMENT_OWNERS.map(attachmentsController),
  providers: [AttachmentsRepository, AttachmentsService],
  exports: [AttachmentsRepository],
})
export class AttachmentsModule {}
