import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MailModule } from '../mail/mail.module.js';
import { NotificationScheduler } from './notification-scheduler.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/**
 * In-app notifications, e-mail preferences and the due-date scheduler. Other rooms import this
 * module and call `NotificationsService.notify(tx, …)` in the transaction of their event.
 */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationScheduler],
  exports: [NotificationsService],
})
export class NotificationsModule {}
