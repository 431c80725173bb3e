import { z } from 'zod';
import {
  EmailSchema,
  MAIL_MAX_RECIPIENTS,
  EntityIdSchema,
  VersionSchema,
  VersionedActionSchema,
  optionalLine,
  optionalText,
  text,
} from '../common.js';
import { QuoteTransportDetailsSchema } from './quotes.js';
import { QUOTE_ACTIONS } from '../vocabulary.js';

/** Quote workflow: `POST /api/quotes/:id/{action}`; the action table lives in vocabulary.ts. */
export const QuoteActionSchema = z.enum(QUOTE_ACTIONS);
export type QuoteAction = z.infer<typeof QuoteActionSchema>;

/** At most this many copies (CC): a quote goes to a buyer and a few colleagues, not a mailing list. */
export const QUOTE_MAIL_MAX_CC = 5;

/**
 * `send`: optional e-mail to the client with the public link; no recipients = to the quote contact's
 * first address, or, without one, sent by other means (marked sent, no e-mail).
 * `subject` replaces the default one ("Cotation Q… – title" in the client's language); `message`
 * is wrapped by the template (greeting, link, signature) unless it already greets or signs.
 */
export const QuoteSendSchema = z.strictObject({
  version: VersionSchema,
  recipients: z
    .array(EmailSchema)
    .max(MAIL_MAX_RECIPIENTS)
    .default(() => []),
  cc: z
    .array(EmailSchema)
    .max(QUOTE_MAIL_MAX_CC)
    .default(() => []),
  subject: optionalLine(200),
  message: optionalText(5000),
});
export type QuoteSendInput = z.input<typeof QuoteSendSchema>;
export type QuoteSend = z.infer<typeof QuoteSendSchema>;

/** `POST /api/quotes/:id/send/preview`: the e-mail `send` would write, without sending anything. */
export const QuoteMailPreviewRequestSchema = QuoteSendSchema.omit({ version: true });
export type QuoteMailPreviewRequest = z.infer<typeof QuoteMailPreviewRequestSchema>;

export const QuoteMailPreviewSchema = z.object({
  subject: z.string(),
  /** The plain-text body exactly as sent; the customer's link shows as a placeholder. */
  text: z.string(),
});
export type QuoteMailPreview = z.infer<typeof QuoteMailPreviewSchema>;

/** `accept`: the booking facts known at acceptance are saved on the quote for operations. */
export const QuoteAcceptSchema = z.strictObject({
  version: VersionSchema,
  transport: QuoteTransportDetailsSchema,
  /** The client's own reference (PO, booking request). */
  customerReference: optionalText(100),
});
export type QuoteAccept = z.infer<typeof QuoteAcceptSchema>;

/** `reject`: why the client said no (price, transit time, …) feeds the lost-deal analysis. */
export const QuoteRejectSchema = z.strictObject({ version: VersionSchema, reason: text(1000) });
export type QuoteReject = z.infer<typeof QuoteRejectSchema>;

export const QuoteCancelSchema = z.strictObject({ version: VersionSchema, reason: optionalText(1000) });
export type QuoteCancel = z.infer<typeof QuoteCancelSchema>;

/** `revise`: only the version; the new revision copies header and lines as a draft. */
export const QuoteReviseSchema = VersionedActionSchema;
export type QuoteRevise = z.infer<typeof QuoteReviseSchema>;

/**
 * `duplicate`: a new draft (new number, revision 1) from any quote, optionally for another client
 * or prospect (at most one of them; none = same parent). Reads the source only, so no version.
 */
export const QuoteDuplicateSchema = z
  .strictObject({ clientId: EntityIdSchema.optional(), leadId: EntityIdSchema.optional() })
  .refine((body) => !(body.clientId && body.leadId), 'give clientId or leadId, not both');
export type QuoteDuplicate = z.infer<typeof QuoteDuplicateSchema>;
