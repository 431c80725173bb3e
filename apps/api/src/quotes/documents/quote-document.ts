import type { PublicQuote } from '@velosi/contracts';
import type { DocumentFormat } from '../../documents/document-format.js';
import type { VatSuspensionReference } from '../persistence/quote-parties.js';
import type { PdfLabels } from './pdf-labels.js';

/**
 * Everything a printed quote shows. Built on PublicQuote on purpose: the customer's view has no
 * buy price, margin or internal note, so the PDF cannot print one even by mistake.
 */
export interface QuoteDocument {
  quote: PublicQuote;
  /** Date printed as the quote date (sent date, else creation), ISO `YYYY-MM-DD`. */
  issuedOn: string;
  customer: {
    address: string | null;
    city: string | null;
    /** ISO 3166 alpha-2. */
    country: string | null;
    fiscalId: string | null;
    /** Printed under the tax id when the authorisation covers the quote's date. */
    vatSuspension: VatSuspensionReference | null;
  };
  contact: { name: string; email: string | null; phone: string | null } | null;
}

/** Labels and formats of the document's language, handed to each section builder. */
export interface PdfContext {
  doc: QuoteDocument;
  t: PdfLabels;
  f: DocumentFormat;
}
