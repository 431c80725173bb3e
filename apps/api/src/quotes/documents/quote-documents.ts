import { Injectable } from '@nestjs/common';
import type { PublicQuote, Quote } from '@velosi/contracts';
import { businessToday } from '../../common/business-day.js';
import type { Executor } from '../../common/records/repository.js';
import type { RenderedPdf } from '../../documents/pdf-response.js';
import { toPublicQuote } from '../domain/public-quote.js';
import { QuoteParties, type QuoteContact } from '../persistence/quote-parties.js';
import { renderQuotePdf } from './quote-pdf.js';

export interface RenderedQuote extends RenderedPdf {
  publicQuote: PublicQuote;
  contact: QuoteContact | null;
}

/** Builds what the customer sees of a quote — the public view and the PDF — from the staff record. */
@Injectable()
export class QuoteDocuments {
  constructor(private readonly parties: QuoteParties) {}

  async publicView(executor: Executor, quote: Quote): Promise<PublicQuote> {
    return toPublicQuote(quote, await this.parties.customerOf(executor, quote));
  }

  /** What the e-mail needs without the PDF: the customer's view and the contact to greet. */
  async mailParties(
    executor: Executor,
    quote: Quote,
  ): Promise<{ publicQuote: PublicQuote; contact: QuoteContact | null }> {
    const customer = await this.parties.customerOf(executor, quote);
    const contact = await this.parties.contactOf(executor, quote);
    return { publicQuote: toPublicQuote(quote, customer), contact };
  }

  async render(executor: Executor, quote: Quote): Promise<RenderedQuote> {
    const customer = await this.parties.customerOf(executor, quote);
    const contact = await this.parties.contactOf(executor, quote);
    const publicQuote = toPublicQuote(quote, customer);
    const pdf = await renderQuotePdf({
      quote: publicQuote,
      // The quote's date is the day it went to the customer (creation day while still a draft).
      issuedOn: businessToday(new Date(quote.sentAt ?? quote.createdAt)),
      customer,
      contact: contact && { name: contact.name, email: contact.emails[0] ?? null, phone: contact.phone },
    });
    return { pdf, filename: `${quote.number}.pdf`, publicQuote, contact };
  }
}
