import { PublicQuoteSchema, type DocumentLanguage, type PublicQuote, type Quote } from '@velosi/contracts';

/**
 * The customer's view of a quote (public link and PDF). PublicQuoteSchema is a positive list and
 * zod drops every key it does not name, so buy prices, margins, internal notes and assignees
 * cannot pass through here even if a caller hands over the full staff record.
 */
export function toPublicQuote(
  quote: Quote,
  customer: { name: string; language: DocumentLanguage },
): PublicQuote {
  return PublicQuoteSchema.parse({ ...quote, customerName: customer.name, language: customer.language });
}
