import path from 'node:path';

/**
 * Where outgoing e-mail goes. `smtp`: a real relay. `outbox`: the dev/test default without SMTP
 * settings — each message is written as an .eml file the developer can open. `disabled`:
 * production without SMTP settings; sending answers 503 rather than pretending to deliver.
 */
export type MailTransportConfig =
  | { kind: 'smtp'; smtp: SmtpSettings }
  | { kind: 'outbox'; dir: string }
  | { kind: 'disabled'; reason: string };

/** Either a connection URL or its parts, in nodemailer's option names. */
export type SmtpSettings =
  | { url: string }
  | { host: string; port: number; secure: boolean; auth: { user: string; pass: string } | undefined };

export interface MailConfig {
  /** `From:` of every message, e.g. `Velosi Cotations <cotations@velosi.tn>`. */
  from: string;
  transport: MailTransportConfig;
  /** Base URL of the SPA for links in e-mails, without a trailing slash. */
  publicWebUrl: string;
}

/** The mail variables of the validated env (see env.schema.ts). */
export interface MailEnv {
  NODE_ENV: 'development' | 'test' | 'production';
  SMTP_URL?: string | undefined;
  SMTP_HOST?: string | undefined;
  SMTP_PORT: number;
  SMTP_SECURE: boolean;
  SMTP_USER?: string | undefined;
  SMTP_PASSWORD?: string | undefined;
  MAIL_FROM: string;
  MAIL_OUTBOX_DIR: string;
  MAIL_TRANSPORT?: 'disabled' | undefined;
  PUBLIC_WEB_URL: string;
}

export function mailConfigFrom(env: MailEnv): MailConfig {
  return {
    from: env.MAIL_FROM,
    transport: transportFrom(env),
    publicWebUrl: env.PUBLIC_WEB_URL.replace(/\/+$/, ''),
  };
}

function transportFrom(env: MailEnv): MailTransportConfig {
  if (env.MAIL_TRANSPORT === 'disabled') {
    return { kind: 'disabled', reason: 'E-mail is disabled (MAIL_TRANSPORT=disabled).' };
  }
  if (env.SMTP_URL) return { kind: 'smtp', smtp: { url: env.SMTP_URL } };
  if (env.SMTP_HOST) {
    const auth = env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined;
    return {
      kind: 'smtp',
      smtp: { host: env.SMTP_HOST, port: env.SMTP_PORT, secure: env.SMTP_SECURE, auth },
    };
  }
  // A production API writing customer e-mails to its own disk would look like it sent them (the
  // configuration already refuses production without SMTP or MAIL_TRANSPORT=disabled).
  if (env.NODE_ENV === 'production') {
    return { kind: 'disabled', reason: 'E-mail is not configured: set SMTP_URL or SMTP_HOST.' };
  }
  // Resolved once against the working directory, like the PGlite data dir.
  return { kind: 'outbox', dir: path.resolve(env.MAIL_OUTBOX_DIR) };
}
