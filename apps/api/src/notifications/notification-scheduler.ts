import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { businessToday } from '../common/business-day.js';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Mailer, MailNotConfiguredError } from '../mail/mailer.js';
import { notificationMail } from './notification-mail.js';
import { NotificationsRepository } from './notifications.repository.js';

/** E-mails per claim; a claim holds its rows' locks while it sends. */
const EMAIL_BATCH = 20;
/** A relay failing this many times for one notification: stop trying it. */
const MAX_EMAIL_ATTEMPTS = 3;

export interface SweepResult {
  reminders: number;
  expiringQuotes: number;
  leadFollowUps: number;
  emailsSent: number;
}

/**
 * Turns due dates into notifications and sends the e-mails users opted in for, every
 * `notifications.intervalSeconds` (0 = off; tests run `runOnce()` themselves).
 *
 * Safe with any number of API instances, through a transaction pooler (no LISTEN, no session
 * lock): the timer only says "look now" — every instance may look. Which notification exists is
 * decided by the database: each sweep is one `INSERT … SELECT … ON CONFLICT (user_id, dedupe_key)
 * DO NOTHING`, the key naming (kind, record, due date), so a reminder is written once however many
 * sweeps see it. E-mails are claimed with `FOR UPDATE SKIP LOCKED`, so each is sent by one instance.
 */
@Injectable()
export class NotificationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepResult> | undefined;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.notifications.intervalSeconds;
    if (seconds === 0) return;
    const tick = () => {
      this.runOnce().catch((err: unknown) => this.logger.warn({ err }, 'notification sweep failed'));
    };
    // unref: a pending sweep never keeps a stopping process alive.
    this.timer = setInterval(tick, seconds * 1000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One sweep; a tick arriving while the previous one still runs joins it instead of piling up. */
  runOnce(now: Date = new Date()): Promise<SweepResult> {
    this.running ??= this.sweep(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(now: Date): Promise<SweepResult> {
    const db = this.repository.db;
    const today = businessToday(now);
    const reminders = await this.repository.insertActivityReminders(db);
    const expiringQuotes = await this.repository.insertExpiringQuotes(db, today);
    const leadFollowUps = await this.repository.insertLeadFollowUps(db, today);
    const emailsSent = await this.sendEmails();
    const result = { reminders, expiringQuotes, leadFollowUps, emailsSent };
    if (reminders + expiringQuotes + leadFollowUps + emailsSent > 0) {
      this.logger.info(result, 'notifications written');
    }
    return result;
  }

  /** Sends one claimed batch; the rows stay locked (SKIP LOCKED for others) until the outcome is written. */
  private sendEmails(): Promise<number> {
    return this.repository.db.transaction(async (tx) => {
      const claimed = await this.repository.claimPendingEmails(tx, EMAIL_BATCH);
      let sent = 0;
      for (const pending of claimed) {
        try {
          await this.mailer.send(notificationMail(pending, this.config.mail.publicWebUrl));
          await this.repository.setEmailOutcome(tx, pending.id, 'sent');
          sent++;
        } catch (err) {
          const giveUp =
            err instanceof MailNotConfiguredError || pending.emailAttempts + 1 >= MAX_EMAIL_ATTEMPTS;
          this.logger.warn({ err, notification: pending.id }, 'notification e-mail not sent');
          await this.repository.setEmailOutcome(tx, pending.id, giveUp ? 'failed' : 'pending');
        }
      }
      return sent;
    });
  }
}
