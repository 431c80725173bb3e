import { Injectable, NotFoundException } from '@nestjs/common';
import type { PublicQuote, PublicQuoteAccept, PublicQuoteReject } from '@velosi/contracts';
import { systemActor } from '../../common/records/actor.js';
import { QuoteDocuments, type RenderedQuote } from '../documents/quote-documents.js';
import { QuotesRepository } from '../persistence/quotes.repository.js';
import type { QuoteRow } from '../persistence/quotes.table.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { QuoteActionsService, type AfterDecision } from './quote-actions.service.js';

/**
 * Who acts through a public link: the customer holding the token. Audited as `public-link`; it
 * works in the `system` scope because the token, checked first, already names the one quote it
 * may touch.
 */
const PUBLIC_LINK_ACTOR = systemActor('public-link');

/** One answer for every token that opens nothing, so a guess learns nothing. */
const notFound = () => new NotFoundException('This link is not valid (any more).');

/** The customer's side of a quote, reached with the token of a link sent by e-mail. */
@Injectable()
export class PublicQuotesService {
  constructor(
    private readonly quotes: QuotesRepository,
    private readonly actions: QuoteActionsService,
    private readonly documents: QuoteDocuments,
    private readonly notifications: NotificationsService,
  ) {}

  /** The quote's assignees hear of the customer's decision, in the decision's transaction. */
  private notifyAssignees(kind: 'quote-accepted' | 'quote-rejected'): AfterDecision {
    return (tx, quote) =>
      this.notifications.notify(tx, {
        userIds: quote.assignedTo,
        kind,
        recordType: 'quote',
        recordId: quote.id,
        title: `${quote.number} — ${quote.title}`,
        detail: kind === 'quote-rejected' ? (quote.statusReason ?? null) : (quote.customerReference ?? null),
      });
  }

  /**
   * The quote a live token opens: not revoked, not archived, and still within its validity — a
   * link expires with the quote it shows.
   */
  private async open(token: string): Promise<QuoteRow> {
    const id = await this.quotes.quoteIdForToken(this.quotes.db, token);
    if (!id) throw notFound();
    const row = await this.quotes.findCurrent(PUBLIC_LINK_ACTOR, id);
    if (!row) throw notFound();
    return row;
  }

  async get(token: string): Promise<PublicQuote> {
    const db = this.quotes.db;
    return this.documents.publicView(db, await this.quotes.withLines(db, await this.open(token)));
  }

  async pdf(token: string): Promise<RenderedQuote> {
    const db = this.quotes.db;
    return this.documents.render(db, await this.quotes.withLines(db, await this.open(token)));
  }

  /**
   * Accept works once: the action table only accepts a `sent` quote (409 otherwise, e.g. already
   * accepted). The version read with the token guards against a staff change in between.
   */
  async accept(token: string, { customerReference }: PublicQuoteAccept): Promise<PublicQuote> {
    const row = await this.open(token);
    const quote = await this.actions.accept(
      PUBLIC_LINK_ACTOR,
      row.id,
      row.version,
      { transport: null, customerReference },
      this.notifyAssignees('quote-accepted'),
    );
    return this.documents.publicView(this.quotes.db, quote);
  }

  async reject(token: string, { reason }: PublicQuoteReject): Promise<PublicQuote> {
    const row = await this.open(token);
    const quote = await this.actions.reject(
      PUBLIC_LINK_ACTOR,
      row.id,
      { version: row.version, reason },
      this.notifyAssignees('quote-rejected'),
    );
    return this.documents.publicView(this.quotes.db, quote);
  }
}
