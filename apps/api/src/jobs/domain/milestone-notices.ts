import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { JobMilestone } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import { clients, contacts } from '../../clients/clients.table.js';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import type { Actor } from '../../common/records/actor.js';
import type { Transaction } from '../../database/database.types.js';
import { Mailer } from '../../mail/mailer.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { milestoneMail } from '../documents/milestone-mail.js';
import { JobsRepository } from '../persistence/jobs.repository.js';
import type { JobRow } from '../persistence/jobs.table.js';
import { JobPartsService } from './job-parts.service.js';

/**
 * Who hears of a recorded milestone. The commercials of the job's client get an in-app
 * notification, in the milestone's transaction (it exists exactly when the milestone does). The
 * client contact gets an e-mail when the job opted in, after commit: a mail cannot be taken back
 * by a rollback, and a relay that is down must not refuse the milestone. A sent e-mail is audited
 * on the job (`milestone_emailed`), so the timeline shows who was told; a failure is logged.
 */
@Injectable()
export class MilestoneNotices implements OnModuleInit {
  constructor(
    private readonly parts: JobPartsService,
    private readonly jobs: JobsRepository,
    private readonly notifications: NotificationsService,
    private readonly mailer: Mailer,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.parts.onMilestoneRecorded((tx, job, milestone) => this.notifyCommercials(tx, job, milestone));
    this.parts.onMilestoneCommitted((job, milestone, actor) => this.emailContact(job, milestone, actor));
  }

  private async notifyCommercials(tx: Transaction, job: JobRow, milestone: JobMilestone): Promise<void> {
    const [client] = await tx
      .select({ name: clients.name, assignedTo: clients.assignedTo })
      .from(clients)
      .where(eq(clients.id, job.clientId));
    if (!client || client.assignedTo.length === 0) return;
    await this.notifications.notify(tx, {
      userIds: client.assignedTo,
      kind: 'job-milestone',
      recordType: 'job',
      recordId: job.id,
      title: `${job.number} — ${client.name}`,
      detail: [milestone.kind, milestone.place].filter(Boolean).join(' · '),
      // One notification per milestone, not one per job.
      dedupeKey: `job-milestone:${milestone.id}`,
    });
  }

  private async emailContact(job: JobRow, milestone: JobMilestone, actor: Actor): Promise<void> {
    if (!job.notifyClientOfMilestones || !job.contactId) return;
    const db = this.jobs.db;
    const [recipient] = await db
      .select({ emails: contacts.emails, language: clients.language })
      .from(contacts)
      .innerJoin(clients, eq(clients.id, contacts.clientId))
      .where(eq(contacts.id, job.contactId));
    // The contact's first address is the one quotes are sent to as well.
    const to = recipient?.emails[0];
    if (!recipient || !to) return;
    const names = await this.jobs.readNames(db, [job.id]);
    const mail = milestoneMail(
      { ...job, quoteNumber: names.get(job.id)?.quoteNumber ?? '' },
      milestone,
      to,
      recipient.language === 'en' ? 'en' : 'fr',
    );
    try {
      await this.mailer.send({ ...mail, replyTo: actor.user.email ?? undefined });
    } catch (error) {
      this.logger.warn({ err: error, job: job.number, milestone: milestone.id }, 'milestone e-mail not sent');
      return;
    }
    await db.transaction((tx) =>
      this.jobs.recordAudit(tx, actor, 'milestone_emailed', job.id, undefined, {
        milestoneId: milestone.id,
        kind: milestone.kind,
        to,
      }),
    );
  }
}
