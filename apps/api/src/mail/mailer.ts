import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BadGatewayException,
  HttpException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { MailConfig } from './mail-config.js';
import { clientSpan } from '../telemetry/span.js';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  text: string;
  html?: string;
  /** Where the client's answer should go (the commercial), since `From:` is a no-reply address. */
  replyTo?: string;
  attachments?: readonly MailAttachment[];
}

export interface MailReceipt {
  messageId: string;
  /** Absolute path of the .eml file when the dev outbox took the message instead of SMTP. */
  outboxPath?: string;
}

/** Production without SMTP settings: sending answers 503 instead of silently dropping the mail. */
export class MailNotConfiguredError extends ServiceUnavailableException {}

// A relay that does not answer must fail the request in seconds, not after nodemailer's 2-minute
// connection default, so the user can retry while still on the send dialog.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

type Send = (message: SendMailOptions) => Promise<MailReceipt>;

/** Sends e-mail through SMTP, or writes it to the dev outbox as an .eml file (see MailConfig). */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly deliver: Send;
  private readonly close: () => void = () => undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {
    const transport = config.mail.transport;
    switch (transport.kind) {
      case 'smtp': {
        const smtp = createTransport({ ...transport.smtp, ...SMTP_TIMEOUTS });
        this.deliver = (message) =>
          clientSpan('smtp send', { 'network.protocol.name': 'smtp' }, async () => ({
            messageId: (await smtp.sendMail(message)).messageId,
          }));
        this.close = () => smtp.close();
        break;
      }
      case 'outbox':
        this.deliver = outboxSender(transport.dir);
        logger.info({ outbox: transport.dir }, 'no SMTP settings: e-mails are written to the outbox');
        break;
      case 'disabled':
        this.deliver = () => Promise.reject(new MailNotConfiguredError(transport.reason));
        logger.warn(transport.reason);
        break;
    }
  }

  /** What the send dialog can tell the user before sending (e.g. "written to the outbox"). */
  get transportKind(): MailConfig['transport']['kind'] {
    return this.config.mail.transport.kind;
  }

  send(mail: OutgoingMail): Promise<MailReceipt> {
    return this.deliver({
      from: this.config.mail.from,
      to: [...mail.to],
      cc: mail.cc?.length ? [...mail.cc] : undefined,
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({ ...a })),
    });
  }

  /**
   * `send` for a request that must tell the user the mail did not leave: SMTP failures become 502
   * (the relay, not the API, failed) with `refusal` as detail; configuration problems keep 503.
   */
  async sendOrBadGateway(mail: OutgoingMail, refusal: string): Promise<MailReceipt> {
    try {
      return await this.send(mail);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      this.logger.error({ err: error, subject: mail.subject }, 'e-mail could not be sent');
      throw new BadGatewayException(refusal);
    }
  }

  onApplicationShutdown(): void {
    this.close();
  }
}

function outboxSender(dir: string): Send {
  // streamTransport builds the exact MIME message SMTP would carry, so the .eml opens in any mail client.
  const stream = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return async (message) => {
    const info = await stream.sendMail(message);
    if (!Buffer.isBuffer(info.message)) throw new Error('stream transport did not buffer the message');
    await mkdir(dir, { recursive: true });
    const file = path.join(
      dir,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeName(info.messageId)}.eml`,
    );
    await writeFile(file, info.message);
    return { messageId: info.messageId, outboxPath: file };
  };
}

/** `<abc@host>` → `abc-host`: message ids contain characters some file systems refuse. */
function safeName(messageId: string): string {
  return messageId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
}
