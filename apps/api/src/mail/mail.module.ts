import { Module } from '@nestjs/common';
import { Mailer } from './mailer.js';

/** Outgoing e-mail (SMTP or the dev outbox); import it where a feature sends mail. */
@Module({ providers: [Mailer], exports: [Mailer] })
export class MailModule {}
