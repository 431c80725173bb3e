import { z } from 'zod';
import {
  AmountSchema,
  CurrencyCodeSchema,
  EmailSchema,
  MAIL_MAX_RECIPIENTS,
  EntityIdSchema,
  IsoDateSchema,
  QueryBooleanSchema,
  optionalText,
} from '../common.js';
import { DocumentLanguageSchema } from '../crm/clients.js';
import { InvoiceNumberSchema, InvoicePaymentStatusSchema } from '../invoices/invoices.js';
import { PageQuerySchema, pageSchema, sortSchema } from '../pagination.js';

/**
 * Ageing of open amounts by days past due at `asOf`: not yet due, 0–30, 31–60, 61–90, > 90.
 * All in TND: a foreign-currency invoice's open amount at its frozen exchange rate.
 */
export const AgeingBucketsSchema = z.object({
  notDueTnd: AmountSchema,
  days0to30Tnd: AmountSchema,
  days31to60Tnd: AmountSchema,
  days61to90Tnd: AmountSchema,
  over90Tnd: AmountSchema,
  /** Sum of the four overdue buckets. */
  overdueTnd: AmountSchema,
  /** Everything open (not due + overdue). */
  balanceTnd: AmountSchema,
});
export type AgeingBuckets = z.infer<typeof AgeingBucketsSchema>;

/** One client's line in GET /api/receivables. */
export const ClientReceivableSchema = AgeingBucketsSchema.extend({
  clientId: EntityIdSchema,
  clientName: z.string(),
  creditLimitTnd: AmountSchema.nullable(),
  openInvoices: z.number().int(),
  oldestDueDate: IsoDateSchema.nullable(),
});
export type ClientReceivable = z.infer<typeof ClientReceivableSchema>;

export const RECEIVABLE_SORT_FIELDS = ['clientName', 'balanceTnd', 'overdueTnd', 'oldestDueDate'] as const;

/** GET /api/receivables: clients with an open balance (a COMMERCIAL sees their own clients). */
export const ReceivablesQuerySchema = PageQuerySchema.extend({
  sort: sortSchema(RECEIVABLE_SORT_FIELDS).optional(),
  /** Ageing date; default today. */
  asOf: IsoDateSchema.optional(),
  clientId: EntityIdSchema.optional(),
  overdueOnly: QueryBooleanSchema.optional(),
}).strict();
export type ReceivablesQuery = z.infer<typeof ReceivablesQuerySchema>;

export const ReceivablesPageSchema = pageSchema(ClientReceivableSchema).extend({
  asOf: IsoDateSchema,
  /** Over every matching client, not only this page. */
  totals: AgeingBucketsSchema,
});
export type ReceivablesPage = z.infer<typeof ReceivablesPageSchema>;

/** An issued invoice with something left to pay. */
export const OpenInvoiceSchema = z.object({
  invoiceId: EntityIdSchema,
  number: InvoiceNumberSchema,
  invoiceDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  currency: CurrencyCodeSchema,
  /** In the invoice currency. */
  totalAmount: AmountSchema,
  creditedAmount: AmountSchema,
  paidAmount: AmountSchema,
  openAmount: AmountSchema,
  openTnd: AmountSchema,
  /** Negative when not yet due. */
  daysPastDue: z.number().int(),
  paymentStatus: InvoicePaymentStatusSchema,
});
export type OpenInvoice = z.infer<typeof OpenInvoiceSchema>;

/** GET /api/receivables/:clientId?asOf= */
export const ClientReceivableDetailSchema = ClientReceivableSchema.extend({
  asOf: IsoDateSchema,
  invoices: z.array(OpenInvoiceSchema),
});
export type ClientReceivableDetail = z.infer<typeof ClientReceivableDetailSchema>;

export const ReceivableDetailQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional() });
export type ReceivableDetailQuery = z.infer<typeof ReceivableDetailQuerySchema>;

/** GET /api/receivables/:clientId/statement.pdf?asOf=&lang= (default: the client's language). */
export const StatementQuerySchema = z.strictObject({
  asOf: IsoDateSchema.optional(),
  lang: DocumentLanguageSchema.optional(),
});
export type StatementQuery = z.infer<typeof StatementQuerySchema>;

/** POST /api/receivables/:clientId/reminder: the overdue list by e-mail (FR/EN). */
export const ReminderSendSchema = z.strictObject({
  /** Absent: the client's e-mail address. */
  recipients: z.array(EmailSchema).min(1).max(MAIL_MAX_RECIPIENTS).optional(),
  /** Absent: the client's document language. */
  language: DocumentLanguageSchema.optional(),
  message: optionalText(5000),
});
export type ReminderSend = z.infer<typeof ReminderSendSchema>;

export const ReminderSendResultSchema = z.object({
  recipients: z.array(z.string()),
  /** `outbox` in development: the message was written to a file, not sent. */
  transport: z.string(),
  overdueInvoices: z.number().int(),
  overdueTnd: AmountSchema,
});
export type ReminderSendResult = z.infer<typeof ReminderSendResultSchema>;
