import { Inject, Injectable } from '@nestjs/common';
import {
  nextRevisionNumber,
  type PublicQuote,
  type Quote,
  type QuoteCancel,
  type QuoteDuplicate,
  type QuoteMailPreview,
  type QuoteMailPreviewRequest,
  type QuoteReject,
  type QuoteSend,
  type QuoteSendResult,
} from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../common/records/actor.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Executor } from '../../common/records/repository.js';
import type { Transaction } from '../../database/database.types.js';
import { Mailer, type MailReceipt } from '../../mail/mailer.js';
import type { QuoteContact } from '../persistence/quote-parties.js';
import { QuoteDocuments } from '../documents/quote-documents.js';
import { quoteMail } from '../documents/quote-mail.js';
import { QuotesRepository } from '../persistence/quotes.repository.js';
import { QuoteAcceptance, type AcceptanceDetails } from './quote-acceptance.js';
import { copyAsDraft, lockForAction } from './quote-workflow.js';
import { QuotesService } from './quotes.service.js';

/**
 * Work the caller adds to a decision's transaction (the public link notifies the assignees), so it
 * commits or rolls back with the decision.
 */
export type AfterDecision = (tx: Transaction, quote: Quote) => Promise<unknown>;

/** `POST /api/quotes/:id/{send,accept,reject,cancel,revise,duplicate}` and link revocation. */
@Injectable()
export class QuoteActionsService {
  constructor(
    private readonly quotes: QuotesService,
    private readonly acceptance: QuoteAcceptance,
    private readonly documents: QuoteDocuments,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get repository(): QuotesRepository {
    return this.quotes.repository;
  }

  private transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    return this.repository.db.transaction(work);
  }

  /**
   * Marks the quote sent, makes a public link and e-mails the PDF — in one transaction with the
   * e-mail handed to SMTP last: if the relay refuses, nothing is recorded (no "sent" without a
   * mail); the row lock only holds back other writers of this one quote meanwhile.
   */
  async send(actor: Actor, id: string, body: QuoteSend): Promise<QuoteSendResult> {
    return this.transaction(async (tx) => {
      const locked = await lockForAction(this.repository, tx, actor, id, body.version, 'send');
      const row = await this.repository.updateLocked(
        tx,
        actor,
        locked,
        { status: 'sent', sentAt: sql`now()` },
        'send',
      );
      const publicUrl = `${this.config.mail.publicWebUrl}/q/${await this.repository.createPublicLink(tx, id, actor.user.sub)}`;
      const quote = await this.repository.withLines(tx, row);
      const rendered = await this.documents.render(tx, quote);
      const { recipients, cc, mail } = this.compose(actor, rendered, body, publicUrl);
      let receipt: MailReceipt | undefined;
      if (recipients.length > 0) {
        receipt = await this.mailer.sendOrBadGateway(
          {
            to: recipients,
            cc,
            ...mail,
            replyTo: actor.user.email ?? undefined,
            attachments: [
              { filename: rendered.filename, content: rendered.pdf, contentType: 'application/pdf' },
            ],
          },
          'The e-mail server did not accept the message; the quote was not sent.',
        );
        // The subject is kept as written (it is what the customer received); the timeline shows it.
        await this.repository.recordAudit(tx, actor, 'email', id, undefined, {
          recipients,
          cc,
          subject: mail.subject,
          messageId: receipt.messageId,
          // Without a mail server nothing reached the client: the history must not say "sent".
          ...(receipt.outboxPath !== undefined ? { outbox: true } : {}),
        });
      }
      return {
        quote,
        status: quote.status,
        recipients,
        messageId: receipt?.messageId ?? null,
        outbox: receipt?.outboxPath !== undefined,
        // A server path means nothing to a salesperson (and tells them about the server).
        ...(receipt?.outboxPath && actor.user.roles.includes('ADMIN')
          ? { outboxPath: receipt.outboxPath }
          : {}),
        publicUrl,
      };
    });
  }

  /** The e-mail `send` would write with this body, for the send dialog's preview; nothing is stored. */
  async preview(actor: Actor, id: string, body: QuoteMailPreviewRequest): Promise<QuoteMailPreview> {
    const db: Executor = this.repository.db;
    const quote = await this.repository.withLines(db, await this.repository.require(db, actor.user, id));
    const parties = await this.documents.mailParties(db, quote);
    return this.compose(actor, parties, body, `${this.config.mail.publicWebUrl}/q/…`).mail;
  }

  /**
   * Who gets the e-mail and what it says. No recipient given → the contact's first address; the
   * contact is greeted by name only when the mail goes to them.
   */
  private compose(
    actor: Actor,
    { publicQuote, contact }: { publicQuote: PublicQuote; contact: QuoteContact | null },
    body: QuoteMailPreviewRequest,
    publicUrl: string,
  ): { recipients: string[]; cc: string[]; mail: QuoteMailPreview } {
    const contactEmails = contact?.emails ?? [];
    const recipients = body.recipients.length > 0 ? body.recipients : contactEmails.slice(0, 1);
    const greeted = recipients.some((r) => contactEmails.includes(r)) ? (contact?.name ?? null) : null;
    const mail = quoteMail({
      quote: publicQuote,
      contactName: greeted,
      message: body.message,
      subject: body.subject,
      publicUrl,
      senderName: actor.user.name,
    });
    // A copy to an address already among the recipients would arrive twice.
    return { recipients, cc: body.cc.filter((address) => !recipients.includes(address)), mail };
  }

  /** Staff accept (`QuoteAccept` body) and the customer's accept through a link share this. */
  async accept(
    actor: Actor,
    id: string,
    version: number,
    details: AcceptanceDetails,
    after?: AfterDecision,
  ): Promise<Quote> {
    return this.transaction(async (tx) => {
      const row = await lockForAction(this.repository, tx, actor, id, version, 'accept');
      const quote = await this.repository.withLines(
        tx,
        await this.acceptance.accept(tx, actor, row, details),
      );
      await after?.(tx, quote);
      return quote;
    });
  }

  async reject(
    actor: Actor,
    id: string,
    { version, reason }: QuoteReject,
    after?: AfterDecision,
  ): Promise<Quote> {
    return this.transaction(async (tx) => {
      const locked = await lockForAction(this.repository, tx, actor, id, version, 'reject');
      const row = await this.repository.updateLocked(
        tx,
        actor,
        locked,
        { status: 'rejected', decidedAt: sql`now()`, statusReason: reason },
        'reject',
      );
      const quote = await this.repository.withLines(tx, row);
      await after?.(tx, quote);
      return quote;
    });
  }

  /** A cancelled quote is withdrawn: its public links stop working at once. */
  async cancel(actor: Actor, id: string, { version, reason }: QuoteCancel): Promise<Quote> {
    return this.transaction(async (tx) => {
      const locked = await lockForAction(this.repository, tx, actor, id, version, 'cancel');
      const row = await this.repository.updateLocked(
        tx,
        actor,
        locked,
        { status: 'cancelled', decidedAt: sql`now()`, statusReason: reason ?? null },
        'cancel',
      );
      await this.repository.revokePublicLinks(tx, id);
      return this.repository.withLines(tx, row);
    });
  }

  /**
   * The next revision (`Q2026-00042` → `Q2026-00042-v2`) as a new draft pointing at its parent; the
   * parent becomes superseded and its links stop working (the customer gets the new one).
   */
  async revise(actor: Actor, id: string, version: number): Promise<Quote> {
    return this.transaction(async (tx) => {
      const parent = await lockForAction(this.repository, tx, actor, id, version, 'revise');
      const draft = copyAsDraft(await this.repository.withLines(tx, parent));
      const child = await this.quotes.insert(tx, actor, draft, {
        number: nextRevisionNumber(parent.number),
        year: parent.year,
        sequence: parent.sequence,
        revision: parent.revision + 1,
        revisedFromId: parent.id,
      });
      await this.repository.updateLocked(tx, actor, parent, { status: 'superseded' }, 'revise');
      await this.repository.revokePublicLinks(tx, id);
      return this.repository.withLines(tx, child);
    });
  }

  /** A new draft with a new number, for the same or another client/prospect; the source is untouched. */
  async duplicate(actor: Actor, id: string, body: QuoteDuplicate): Promise<Quote> {
    return this.transaction(async (tx) => {
      const source = await this.repository.withLines(tx, await this.repository.require(tx, actor.user, id));
      const draft = copyAsDraft(source);
      const retarget = Boolean(body.clientId || body.leadId);
      const copy = retarget
        ? {
            ...draft,
            clientId: body.clientId ?? null,
            leadId: body.leadId ?? null,
            contactId: null,
            opportunityId: null,
          }
        : draft;
      await this.quotes.checkParties(tx, actor.user, copy);
      return this.repository.withLines(tx, await this.quotes.insert(tx, actor, copy));
    });
  }

  /** `DELETE /api/quotes/:id/public-link`: every link of the quote stops working. */
  async revokeLinks(actor: Actor, id: string): Promise<void> {
    await this.transaction(async (tx) => {
      await this.repository.require(tx, actor.user, id, { mode: 'write', lock: true });
      const revoked = await this.repository.revokePublicLinks(tx, id);
      await this.repository.recordAudit(tx, actor, 'revoke_public_links', id, undefined, { revoked });
    });
  }
}
