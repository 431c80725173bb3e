import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/services/smtp.js';
import { createLogger } from '../common/logger.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { PRODUCTION_ENV } from '../../test/support/test-app.js';
import { MailNotConfiguredError, Mailer, type OutgoingMail } from './mailer.js';

const logger = createLogger({ logLevel: 'silent' });
// Not a valid PDF on purpose: the test checks bytes survive base64 MIME encoding unchanged,
// including ones that are not text (0x00, 0xff).
const ATTACHMENT = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 253, 254, 255])]);

const mail: OutgoingMail = {
  to: ['logistique@client-exemple.tn'],
  subject: 'Cotation Q2026-00042',
  text: 'Bonjour,\nVeuillez trouver ci-joint notre cotation.',
  replyTo: 'commercial1@velosi.tn',
  attachments: [{ filename: 'Q2026-00042.pdf', content: ATTACHMENT, contentType: 'application/pdf' }],
};

function mailer(env: Record<string, string>): Mailer {
  return new Mailer(loadConfig({ NODE_ENV: 'test', ...env }), logger);
}

describe('Mailer over SMTP (real smtp-server)', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(() => smtp?.close());

  it('delivers recipient, subject, body and the PDF bytes, authenticated with SMTP_URL', async () => {
    const sender = mailer({ SMTP_URL: smtp.url, MAIL_FROM: 'Velosi Cotations <cotations@velosi.tn>' });
    const arriving = smtp.nextMail();
    const receipt = await sender.send(mail);
    const got = await arriving;
    sender.onApplicationShutdown();

    expect(receipt.outboxPath).toBeUndefined();
    expect(got.parsed.messageId).toBe(receipt.messageId);
    expect(got.authenticatedAs).toBe('mailer');
    expect(got.envelopeTo).toEqual(['logistique@client-exemple.tn']);
    expect(got.parsed.from?.text).toBe('"Velosi Cotations" <cotations@velosi.tn>');
    expect(got.parsed.replyTo?.text).toBe('commercial1@velosi.tn');
    expect(got.parsed.subject).toBe('Cotation Q2026-00042');
    expect(got.parsed.text?.trim()).toBe('Bonjour,\nVeuillez trouver ci-joint notre cotation.');
    expect(got.parsed.attachments).toHaveLength(1);
    expect(got.parsed.attachments[0]).toMatchObject({
      filename: 'Q2026-00042.pdf',
      contentType: 'application/pdf',
    });
    expect(Buffer.compare(got.parsed.attachments[0]?.content ?? Buffer.alloc(0), ATTACHMENT)).toBe(0);
  });

  it('also works from SMTP_HOST/PORT/USER/PASSWORD', async () => {
    const url = new URL(smtp.url);
    const sender = mailer({
      SMTP_HOST: url.hostname,
      SMTP_PORT: url.port,
      SMTP_USER: 'mailer',
      SMTP_PASSWORD: 'mail-secret',
    });
    const arriving = smtp.nextMail();
    await sender.send({ ...mail, to: ['achat@client-exemple.tn'], attachments: [] });
    sender.onApplicationShutdown();
    expect((await arriving).envelopeTo).toEqual(['achat@client-exemple.tn']);
  });

  it('fails when the relay refuses the credentials', async () => {
    const url = new URL(smtp.url);
    url.password = 'wrong';
    const sender = mailer({ SMTP_URL: url.toString() });
    await expect(sender.send(mail)).rejects.toThrow(/invalid credentials|auth/i);
    sender.onApplicationShutdown();
  });
});

describe('Mailer without SMTP settings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'velosi-outbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the message as an .eml file in MAIL_OUTBOX_DIR and returns its path', async () => {
    const receipt = await mailer({ MAIL_OUTBOX_DIR: dir }).send(mail);
    expect(receipt.outboxPath).toBeDefined();
    expect(path.dirname(receipt.outboxPath ?? '')).toBe(dir);
    expect(readdirSync(dir)).toEqual([path.basename(receipt.outboxPath ?? '')]);

    const parsed = await simpleParser(readFileSync(receipt.outboxPath ?? ''));
    expect(parsed.messageId).toBe(receipt.messageId);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('logistique@client-exemple.tn');
    expect(parsed.subject).toBe('Cotation Q2026-00042');
    expect(Buffer.compare(parsed.attachments[0]?.content ?? Buffer.alloc(0), ATTACHMENT)).toBe(0);
  });

  it('production with MAIL_TRANSPORT=disabled never writes the outbox: sending answers 503', async () => {
    const sender = mailer({
      ...PRODUCTION_ENV,
      OIDC_ISSUER_URL: 'https://id.example.test/realms/ERP_Velosi',
      MAIL_OUTBOX_DIR: dir,
    });
    expect(sender.transportKind).toBe('disabled');
    const error = await sender.send(mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailNotConfiguredError);
    expect((error as MailNotConfiguredError).getStatus()).toBe(503);
  });
});

describe('mail configuration', () => {
  it('never echoes an invalid SMTP_URL (it carries the password)', () => {
    const bad = () => loadConfig({ SMTP_URL: 'http://mailer:S3cr3t-pw@mail.example' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/SMTP_URL/);
    expect(bad).not.toThrow(/S3cr3t-pw/);
  });
});
