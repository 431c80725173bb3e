import type { DocumentLanguage, PublicQuote } from '@velosi/contracts';
import { documentFormat } from '../../documents/document-format.js';
import { COMPANY } from '../../documents/letterhead.js';

export interface QuoteMailInput {
  quote: PublicQuote;
  /** Addressee's name for the greeting; null → a neutral greeting. */
  contactName: string | null;
  /** The commercial's own words from the send dialog. */
  message: string | null | undefined;
  /** The commercial's subject; null/absent → the default one in the client's language. */
  subject?: string | null;
  publicUrl: string;
  senderName: string | null;
}

/**
 * A message that opens with its own greeting, or closes with its own sign-off, is the body: the
 * template then leaves out its greeting (resp. its closing and signature) so the customer never
 * reads "Bonjour … Bonjour" or two signatures.
 */
const OWN_GREETING =
  /^\s*(bonjour|bonsoir|madame|monsieur|cher|chère|chers|dear|hello|hi|good (morning|afternoon))\b/i;
const OWN_CLOSING =
  /\b(cordialement|bien à vous|bien cordialement|salutations|sincères salutations|regards|kind regards|best regards|best wishes|sincerely|yours faithfully)\b[^\n]*(\n[^\n]*){0,4}\s*$/i;

interface MailWords {
  subject: (quote: PublicQuote) => string;
  greeting: (name: string | null) => string;
  intro: (quote: PublicQuote, validUntil: string) => string;
  link: (url: string) => string;
  closing: string;
}

const WORDS: Record<DocumentLanguage, MailWords> = {
  en: {
    subject: (q) => `Quotation ${q.number} – ${q.title}`,
    greeting: (name) => `Dear ${name ?? 'Sir or Madam'},`,
    intro: (q, until) => `Please find attached our quotation ${q.number} "${q.title}", valid until ${until}.`,
    link: (url) => `You can view and accept it online: ${url}`,
    closing: 'Kind regards,',
  },
  fr: {
    subject: (q) => `Cotation ${q.number} – ${q.title}`,
    greeting: (name) => `Bonjour ${name ?? 'Madame, Monsieur'},`,
    intro: (q, until) =>
      `Veuillez trouver ci-joint notre cotation ${q.number} « ${q.title} », valable jusqu'au ${until}.`,
    link: (url) => `Vous pouvez la consulter et l'accepter en ligne : ${url}`,
    closing: 'Cordialement,',
  },
};

/** Subject and plain-text body of the e-mail carrying a quote, in the client's language. */
export function quoteMail({ quote, contactName, message, subject, publicUrl, senderName }: QuoteMailInput): {
  subject: string;
  text: string;
} {
  const words = WORDS[quote.language];
  const validUntil = documentFormat(quote.language).date(quote.validUntil);
  const own = message?.trim() ?? '';
  const signature = [senderName, COMPANY.legalName, COMPANY.phone].filter(Boolean).join('\n');
  // An own greeting replaces the template's at the top; the rest of the message follows the
  // quote's facts, and when it signs off it ends the letter in place of the template's closing.
  const greets = OWN_GREETING.test(own);
  const [greeting, rest] = greets ? splitFirstLine(own) : [words.greeting(contactName), own];
  const signs = OWN_CLOSING.test(rest);
  const paragraphs = [
    greeting,
    words.intro(quote, validUntil),
    ...(rest && !signs ? [rest] : []),
    words.link(publicUrl),
    signs ? rest : `${words.closing}\n${signature}`,
  ];
  return { subject: subject?.trim() || words.subject(quote), text: paragraphs.join('\n\n') };
}

function splitFirstLine(text: string): [string, string] {
  const end = text.indexOf('\n');
  return end < 0 ? [text, ''] : [text.slice(0, end).trim(), text.slice(end + 1).trim()];
}
