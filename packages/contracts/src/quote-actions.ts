import { z } from 'zod';
import {
  EmailSchema,
  EntityIdSchema,
  VersionSchema,
  VersionedActionSchema,
  optionalText,
  text,
} from './common.js';
import { QuoteTransportDetailsSchema, type QuoteStatus } from './quotes.js';

/**
 * Quote workflow: `POST /api/quotes/:id/{action}`. The table below is the one statement of which
 * action is allowed in which status; the API enforces it (409 otherwise) and the SPA uses it to
 * show only the buttons that can work.
 */
export const QUOTE_ACTIONS = ['send', 'accept', 'reject', 'cancel', 'duplicate', 'revise'] as const;
export const QuoteActionSchema = z.enum(QUOTE_ACTIONS);
export type QuoteAction = z.infer<typeof QuoteActionSchema>;

export const QUOTE_ACTION_FROM: Readonly<Record<QuoteAction, readonly QuoteStatus[]>> = {
  // Sending again (a corrected e-mail, another recipient) keeps the quote sent.
  send: ['draft', 'sent'],
  accept: ['sent'],
  reject: ['sent'],
  cancel: ['draft', 'sent'],
  // A copy is a new draft; the source is untouched, so any status can be copied.
  duplicate: ['draft', 'sent', 'accepted', 'rejected', 'cancelled', 'expired', 'superseded'],
  // Only the latest revision can be revised (a superseded one already has a successor), and an
  // accepted quote is a commitment: change it with a new quote, not a revision.
  revise: ['sent', 'rejected', 'expired'],
};

/**
 * Status of the quote the action is applied to, afterwards. `duplicate` leaves it as it was and
 * `revise` marks it superseded; both also create a new draft (returned by the API).
 */
export const QUOTE_ACTION_RESULT: Readonly<Record<QuoteAction, QuoteStatus | null>> = {
  send: 'sent',
  accept: 'accepted',
  reject: 'rejected',
  cancel: 'cancelled',
  duplicate: null,
  revise: 'superseded',
};

export function canApplyQuoteAction(status: QuoteStatus, action: QuoteAction): boolean {
  return QUOTE_ACTION_FROM[action].includes(status);
}

/** Header and lines can be edited only while the quote is a draft; after that it is a document. */
export function isQuoteEditable(status: QuoteStatus): boolean {
  return status === 'draft';
}

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
