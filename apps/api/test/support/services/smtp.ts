import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  envelopeTo: string[];
  /** User name the client authenticated with (undefined when it did not). */
  authenticatedAs: string | undefined;
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://user:pass@127.0.0.1:<port> */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the next message the server receives. */
  nextMail(): Promise<ReceivedMail>;
  /** While true, every recipient is refused (550), like a relay that will not take the message. */
  refuseRecipients: boolean;
  close(): Promise<void>;
}

/**
 * A real SMTP server on an ephemeral port (the `smtp-server` package) that requires AUTH with the
 * given credentials and parses each message with mailparser. STARTTLS is switched off so the test
 * needs no certificate; `allowInsecureAuth` then lets AUTH run over the plain connection.
 */
export async function startSmtpServer(user = 'mailer', pass = 'mail-secret'): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const state = { refuseRecipients: false } as TestSmtpServer;
  const waiting: ((mail: ReceivedMail) => void)[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error('invalid credentials'));
    },
    onRcptTo(_address, _session, callback) {
      callback(state.refuseRecipients ? new Error('mailbox unavailable') : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const user = session.user;
          const mail: ReceivedMail = {
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            authenticatedAs: typeof user === 'string' ? user : undefined,
            parsed,
          };
          received.push(mail);
          waiting.shift()?.(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  Object.assign(state, {
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    received,
    nextMail: () => new Promise<ReceivedMail>((resolve) => waiting.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return state;
}
