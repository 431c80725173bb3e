import type { PublicQuote } from '@velosi/contracts';
import { documentFormat } from '../../documents/document-format.js';
import { COMPANY } from '../../documents/letterhead.js';

export interface QuoteMailInput {
  quote: PublicQuote;
  /** Addressee's name for the greeting; null → a neutral greeting. */
  contactName: string | null;
  /** The commercial's own words from the send dialog. */
  message: string | null | undefined;
  publicUrl: string;
  senderName: string | null;
}

/** Subject and plain-text body of the e-mail carrying a quote, in the client's language. */
export function quoteMail({ quote, contactName, message, publicUrl, senderName }: QuoteMailInput): {
  subject: string;
  text: string;
} {
  const validUntil = documentFormat(quote.language).date(quote.validUntil);
  const signature = [senderName, COMPANY.legalName, COMPANY.phone].filter(Boolean).join('\n');
  if (quote.language === 'en') {
    return {
      subject: `Quotation ${quote.number} – ${quote.title}`,
      text: [
        `Dear ${contactName ?? 'Sir or Madam'},`,
        `Please find attached our quotation ${quote.number} "${quote.title}", valid until ${validUntil}.`,
        ...(message ? [message] : []),
        `You can view and accept it online: ${publicUrl}`,
        `Kind regards,\n${signature}`,
      ].join('\n\n'),
    };
  }
  return {
    subject: `Cotation ${quote.number} – ${quote.title}`,
    text: [
      `Bonjour ${contactName ?? 'Madame, Monsieur'},`,
      `Veuillez trouver ci-joint notre cotation ${quote.number} « ${quote.title} », valable jusqu'au ${validUntil}.`,
      ...(message ? [message] : []),
      `Vous pouvez la consulter et l'accepter en ligne : ${publicUrl}`,
      `Cordialement,\n${signature}`,
    ].join('\n\n'),
  };
}
