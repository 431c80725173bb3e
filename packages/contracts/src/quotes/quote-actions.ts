import { z } from 'zod';
import {
  EmailSchema,
  EntityIdSchema,
  VersionSchema,
  VersionedActionSchema,
  optionalText,
  text,
} from '../common.js';
import { QuoteTransportDetailsSchema } from './quotes.js';
import { QUOTE_ACTIONS } from '../vocabulary.js';

/** Quote workflow: `POST /api/quotes/:id/{action}`; the action table lives in vocabulary.ts. */
export const QuoteActionSchema = z.enum(QUOTE_ACTIONS);
export type QuoteAction = z.infer<typeof QuoteActionSchema>;

/** `send`: optional e-mail to the client with the public link; no recipients = sent by other means. */
export const QuoteSendSchema = z.strictObject({
  version: VersionSchema,
  recipients: z
    .array(EmailSchema)
    .max(10)
    .default(() => []),
  message: optionalText(5000),
});
export type QuoteSendInput = z.input<typeof QuoteSendSchema>;
export type QuoteSend = z.infer<typeof QuoteSendSchema>;

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
