import { z } from 'zod';
import { EmailSchema, optionalText, text } from '../common.js';
import { PublicQuoteSchema, QuoteSchema, QuoteStatusSchema } from './quotes.js';

/**
 * Public quote links (`/q/:token`, `GET /api/public/quotes/:token`): a 128-bit random token in
 * base64url (22 characters). Anything else — a uuid, a number — is not a token and answers 404.
 */
export const PUBLIC_QUOTE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
export const PublicQuoteTokenSchema = z.string().regex(PUBLIC_QUOTE_TOKEN_PATTERN);

/** Answer of `POST /api/quotes/:id/send`. */
export const QuoteSendResultSchema = z.object({
  quote: QuoteSchema,
  status: QuoteStatusSchema,
  /** Who the e-mail went to; empty when the quote was marked sent without an e-mail. */
  recipients: z.array(EmailSchema),
  /** Message-ID of the e-mail; null when none was sent. */
  messageId: z.string().nullable(),
  /**
   * Dev/test without SMTP: the message was written to the outbox, not e-mailed (every role is told,
   * so nobody believes the client received it).
   */
  outbox: z.boolean(),
  /** Dev/test without SMTP, ADMIN only: the .eml file the message was written to (a server path). */
  outboxPath: z.string().optional(),
  /** The customer's link (SPA route `/q/:token`); shown once — only its hash is stored. */
  publicUrl: z.url(),
});
export type QuoteSendResult = z.infer<typeof QuoteSendResultSchema>;

/** The customer accepts through the link; booking details are completed later by staff. */
export const PublicQuoteAcceptSchema = z.strictObject({
  /** The customer's own reference (PO number). */
  customerReference: optionalText(100),
});
export type PublicQuoteAccept = z.infer<typeof PublicQuoteAcceptSchema>;

/** The customer declines through the link and says why. */
export const PublicQuoteRejectSchema = z.strictObject({ reason: text(1000) });
export type PublicQuoteReject = z.infer<typeof PublicQuoteRejectSchema>;

/** The forwarder as its customers know it: the letterhead of the public page and the PDF. */
export const QuoteIssuerSchema = z.object({
  name: z.string(),
  legalName: z.string(),
  address: z.array(z.string()),
  phone: z.string(),
  email: z.string(),
});
export type QuoteIssuer = z.infer<typeof QuoteIssuerSchema>;

/** The staff member who sent the link: whom the customer calls with a question. */
export const QuoteSalespersonSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
});
export type QuoteSalesperson = z.infer<typeof QuoteSalespersonSchema>;

/** `GET /api/public/quotes/:token`: the customer's view plus who is behind it. */
export const PublicQuotePageSchema = PublicQuoteSchema.extend({
  issuer: QuoteIssuerSchema,
  /** Null when the sender left the company (no longer in the staff directory). */
  salesperson: QuoteSalespersonSchema.nullable(),
});
export type PublicQuotePage = z.infer<typeof PublicQuotePageSchema>;
