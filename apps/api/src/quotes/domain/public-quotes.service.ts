import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type {
  PublicQuote,
  PublicQuoteAccept,
  PublicQuotePage,
  PublicQuoteReject,
  QuoteIssuer,
  QuoteSalesperson,
} from '@velosi/contracts';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import { COMPANY } from '../../documents/letterhead.js';
import { StaffDirectory } from '../../staff/staff-directory.js';
import { StaffProfileRepository } from '../../users/staff-profile.repository.js';
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

/** The letterhead of the public page: the same issuer the PDF prints. */
const ISSUER: QuoteIssuer = {
  name: COMPANY.name,
  legalName: COMPANY.legalName,
  address: [...COMPANY.address],
  phone: COMPANY.phone,
  email: COMPANY.email,
};

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
    private readonly staff: StaffDirectory,
    private readonly profiles: StaffProfileRepository,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
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
    return (await this.openLink(token)).row;
  }

  private async openLink(token: string): Promise<{ row: QuoteRow; sentBy: string }> {
    const link = await this.quotes.linkForToken(this.quotes.db, token);
    if (!link) throw notFound();
    const row = await this.quotes.findCurrent(PUBLIC_LINK_ACTOR, link.quoteId);
    if (!row) throw notFound();
    return { row, sentBy: link.createdBy };
  }

  async get(token: string): Promise<PublicQuotePage> {
    const db = this.quotes.db;
    const { row, sentBy } = await this.openLink(token);
    const view = await this.documents.publicView(db, await this.quotes.withLines(db, row));
    return { ...view, issuer: ISSUER, salesperson: await this.salesperson(sentBy) };
  }

  /**
   * Name and phone of who sent the link. The directory lives in the identity provider: if it does
   * not answer, the page still shows the quote and the company's own phone.
   */
  private async salesperson(sub: string): Promise<QuoteSalesperson | null> {
    try {
      const member = (await this.staff.list()).find((m) => m.id === sub);
      if (!member) return null;
      const name = [member.firstName, member.lastName].filter(Boolean).join(' ') || member.username;
      return { name, phone: (await this.profiles.find(sub)).phone };
    } catch (error) {
      this.logger.warn({ err: error }, 'staff directory unavailable for a public quote page');
      return null;
    }
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
