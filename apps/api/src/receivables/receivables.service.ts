import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  ClientReceivableDetail,
  DocumentLanguage,
  ReceivablesDashboard,
  ReceivablesPage,
  ReceivablesQuery,
  ReminderSend,
  ReminderSendResult,
} from '@velosi/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { billingName } from '../clients/clients.records.js';
import type { ClientRow } from '../clients/clients.table.js';
import { businessToday } from '../common/business-day.js';
import type { Actor } from '../common/records/actor.js';
import { invalidState } from '../common/records/problems.js';
import { ValidationProblem } from '../common/validation.js';
import type { RenderedPdf } from '../documents/pdf-response.js';
import { Mailer } from '../mail/mailer.js';
import { ReceivablesRepository } from './receivables.repository.js';
import { reminderMail } from './reminder-mail.js';
import { renderStatementPdf } from './statement-pdf.js';

/** The client's document language (French unless they asked for English). */
const languageOf = (client: ClientRow): DocumentLanguage => (client.language === 'en' ? 'en' : 'fr');

/** Client balances and ageing, statements of account, overdue reminders. */
@Injectable()
export class ReceivablesService {
  constructor(
    private readonly repository: ReceivablesRepository,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ReceivablesQuery): Promise<ReceivablesPage> {
    const asOf = query.asOf ?? businessToday();
    const { items, total, totals } = await this.repository.page(user, query, asOf);
    return { items, total, page: query.page, pageSize: query.pageSize, asOf, totals };
  }

  /** Totals and invoice counts over every client the user reads, at `asOf` (the dashboard: today). */
  summary(user: AuthUser, asOf: string): Promise<ReceivablesDashboard> {
    return this.repository.summary(user, asOf);
  }

  /** 404 for a client the user does not read (a COMMERCIAL: not assigned to them). */
  private async client(user: AuthUser, clientId: string): Promise<ClientRow> {
    const client = await this.repository.visibleClient(user, clientId);
    if (!client) throw new NotFoundException('No client with this id.');
    return client;
  }

  async detail(user: AuthUser, clientId: string, asOf = businessToday()): Promise<ClientReceivableDetail> {
    const client = await this.client(user, clientId);
    return this.detailOf(user, client, asOf);
  }

  private async detailOf(user: AuthUser, client: ClientRow, asOf: string): Promise<ClientReceivableDetail> {
    const [line, invoices] = await Promise.all([
      this.repository.clientLine(user, client, asOf),
      this.repository.openInvoices(user, client.id, asOf),
    ]);
    return { ...line, asOf, invoices };
  }

  async statement(
    user: AuthUser,
    clientId: string,
    asOf = businessToday(),
    lang?: DocumentLanguage,
  ): Promise<RenderedPdf> {
    const client = await this.client(user, clientId);
    const detail = await this.detailOf(user, client, asOf);
    const language = lang ?? languageOf(client);
    const customer = [
      billingName(client),
      ...[client.address, client.city, client.country].filter((part): part is string => Boolean(part)),
      ...(client.fiscalId ? [client.fiscalId] : []),
    ];
    const pdf = await renderStatementPdf({ detail, customer, language });
    return { pdf, filename: `releve-${asOf}.pdf` };
  }

  /**
   * E-mails the client's overdue invoices (as of today) to the given addresses or the client's
   * e-mail, in the given language or the client's, and audits it on the client.
   */
  async remind(actor: Actor, clientId: string, body: ReminderSend): Promise<ReminderSendResult> {
    const client = await this.client(actor.user, clientId);
    const asOf = businessToday();
    const overdue = await this.repository.openInvoices(actor.user, client.id, asOf, true);
    if (overdue.length === 0) throw invalidState('This client has no overdue invoice.');
    const recipients = body.recipients ?? (client.email ? [client.email] : []);
    if (recipients.length === 0) {
      throw new ValidationProblem([
        { field: 'recipients', message: 'the client has no e-mail address: give one' },
      ]);
    }
    const language = body.language ?? languageOf(client);
    const { overdueTnd, ...mail } = reminderMail(overdue, asOf, language, body.message, actor.user.name);
    const receipt = await this.mailer.sendOrBadGateway(
      { to: recipients, ...mail, replyTo: actor.user.email ?? undefined },
      'The e-mail server did not accept the reminder; it was not sent.',
    );
    await this.audit.record(this.repository.db, {
      actor: actor.user.sub,
      action: 'remind',
      entity: 'client',
      entityId: client.id,
      after: { recipients, invoices: overdue.map((i) => i.number), overdueTnd, messageId: receipt.messageId },
      requestId: actor.requestId,
    });
    return { recipients, transport: this.mailer.transportKind, overdueInvoices: overdue.length, overdueTnd };
  }
}
