import { z } from 'zod';
import {
  AmountSchema,
  CurrencyCodeSchema,
  EmailSchema,
  MAIL_MAX_RECIPIENTS,
  EntityIdSchema,
  ExchangeRateSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  QuantitySchema,
  QueryBooleanSchema,
  VersionSchema,
  listContracts,
  optionalText,
  queryListSchema,
  readSchema,
  text,
  updateSchema,
} from '../common.js';
import { DocumentLanguageSchema } from '../crm/clients.js';
import {
  addIssues,
  disbursementVatIssue,
  pricingInputDefaults,
  tndRateIssue,
  unitPricedFields,
  unitPricedTotalIssue,
} from '../line-pricing.js';
import { ChargeTypeCodeSchema } from '../quotes/quote-lines.js';
import { VatBreakdownEntrySchema } from '../quotes/quote-totals.js';

/** An invoice (`F2026-00042`) or a credit note (`AV2026-00007`) — one table, one pipeline. */
export const INVOICE_KINDS = ['invoice', 'credit_note'] as const;
export const InvoiceKindSchema = z.enum(INVOICE_KINDS);
export type InvoiceKind = z.infer<typeof InvoiceKindSchema>;

/** A draft is edited freely; once issued it is numbered and frozen (corrections are credit notes). */
export const INVOICE_STATUSES = ['draft', 'issued'] as const;
export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);
export type InvoiceStatus = z.infer<typeof InvoiceStatusSchema>;

/**
 * Where an issued invoice stands: `overdue` wins over unpaid/partially paid once the due date
 * has passed with an open amount. Null for drafts and credit notes.
 */
export const INVOICE_PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overdue'] as const;
export const InvoicePaymentStatusSchema = z.enum(INVOICE_PAYMENT_STATUSES);
export type InvoicePaymentStatus = z.infer<typeof InvoicePaymentStatusSchema>;

export const InvoiceNumberSchema = z
  .string()
  .regex(/^(F|AV)\d{4}-\d{5}$/, 'expected F2026-00042 or AV2026-00007');

// ------------------------------------------------------------------------------------- lines

const lineFields = {
  chargeTypeCode: ChargeTypeCodeSchema.nullish(),
  description: text(500),
  ...unitPricedFields,
};

/** A line as sent in a draft's `lines` (the list replaces every line). */
export const InvoiceLineInputSchema = z
  .strictObject({
    ...lineFields,
    ...pricingInputDefaults,
    /** Absent: 1 for TND, else the rate of the day from the reference exchange rates. */
    exchangeRate: ExchangeRateSchema.optional(),
    /** The job revenue line this line bills (each job line is billed at most once). */
    jobChargeId: EntityIdSchema.nullish(),
  })
  .superRefine((line, ctx) =>
    addIssues(ctx, [tndRateIssue(line), disbursementVatIssue(line), unitPricedTotalIssue(line)]),
  );
export type InvoiceLineInput = z.input<typeof InvoiceLineInputSchema>;
export type InvoiceLineParsed = z.infer<typeof InvoiceLineInputSchema>;

const InvoiceLinesSchema = z.array(InvoiceLineInputSchema).min(1).max(200);

export const InvoiceLineSchema = z.object({
  id: EntityIdSchema,
  position: z.number().int(),
  ...lineFields,
  chargeTypeCode: z.string().nullable(),
  /** quantity × unit price × rate, rounded to the millime. */
  amountTnd: AmountSchema,
  vatTnd: AmountSchema,
  jobChargeId: EntityIdSchema.nullable(),
  /** On a credit note: the invoice line it credits. */
  creditedLineId: EntityIdSchema.nullable(),
});
export type InvoiceLine = z.infer<typeof InvoiceLineSchema>;

// ------------------------------------------------------------------------------------ totals

export const InvoiceTotalsSchema = z.object({
  /** Taxable base (lines outside débours), TND. */
  netTnd: AmountSchema,
  vatTnd: AmountSchema,
  /** One entry per VAT rate, highest first. */
  vatBreakdown: z.array(VatBreakdownEntrySchema),
  disbursementsTnd: AmountSchema,
  stampDutyTnd: AmountSchema,
  /** net + débours + VAT + stamp duty. */
  totalTnd: AmountSchema,
  /** The total in the invoice currency at its frozen rate; null for a TND invoice. */
  totalCurrency: AmountSchema.nullable(),
});
export type InvoiceTotals = z.infer<typeof InvoiceTotalsSchema>;

export const VatSuspensionCitedSchema = z.object({
  number: z.string(),
  issuedOn: IsoDateSchema,
  expiresOn: IsoDateSchema,
});

export const InvoiceSchema = readSchema({
  kind: InvoiceKindSchema,
  status: InvoiceStatusSchema,
  /** Null while a draft. */
  number: InvoiceNumberSchema.nullable(),
  clientId: EntityIdSchema,
  clientName: z.string(),
  jobId: EntityIdSchema.nullable(),
  /** The number of that job (`SE26-00012`), read from the job at each read; null without a job. */
  jobNumber: z.string().nullable(),
  /** On a credit note: the invoice it credits. */
  creditedInvoiceId: EntityIdSchema.nullable(),
  /** Issue date (null while a draft). */
  invoiceDate: IsoDateSchema.nullable(),
  dueDate: IsoDateSchema.nullable(),
  currency: CurrencyCodeSchema,
  exchangeRate: ExchangeRateSchema,
  language: DocumentLanguageSchema,
  vatRegime: z.enum(['subject', 'exempt', 'suspended']),
  vatSuspension: VatSuspensionCitedSchema.nullable(),
  customerReference: z.string().nullable(),
  notes: z.string().nullable(),
  totals: InvoiceTotalsSchema,
  issuedAt: IsoDateTimeSchema.nullable(),
  sentAt: IsoDateTimeSchema.nullable(),
  /** Issued, not a credit note, due date passed. */
  overdue: z.boolean(),
  /** Issued credit notes against this invoice, in the invoice currency. */
  creditedAmount: AmountSchema,
  /** Settled by payments (cash + withholding tax, reversals excluded), in the invoice currency. */
  paidAmount: AmountSchema,
  /** Total − credited − paid, in the invoice currency (0 for drafts and credit notes). */
  openAmount: AmountSchema,
  /** Null for drafts and credit notes. */
  paymentStatus: InvoicePaymentStatusSchema.nullable(),
  lines: z.array(InvoiceLineSchema),
});
export type Invoice = z.infer<typeof InvoiceSchema>;

// --------------------------------------------------------------------------------- requests

const headerFields = {
  /** Absent: the client's currency. */
  currency: CurrencyCodeSchema.optional(),
  /** TND per unit of the invoice currency; absent: 1 for TND, else the rate of the day. */
  exchangeRate: ExchangeRateSchema.optional(),
  customerReference: optionalText(100),
  notes: optionalText(2000),
};

/** POST /api/invoices: a draft typed by hand for a client. */
export const InvoiceCreateSchema = z.strictObject({
  clientId: EntityIdSchema,
  ...headerFields,
  lines: InvoiceLinesSchema,
});
export type InvoiceCreate = z.infer<typeof InvoiceCreateSchema>;

/** POST /api/invoices/from-job: a draft from a job's revenue lines (all not yet billed, or these). */
export const InvoiceFromJobSchema = z.strictObject({
  jobId: EntityIdSchema,
  jobChargeIds: z.array(EntityIdSchema).min(1).max(200).optional(),
  ...headerFields,
});
export type InvoiceFromJob = z.infer<typeof InvoiceFromJobSchema>;

/** PATCH /api/invoices/:id (drafts only); `lines` replaces every line. */
export const InvoiceUpdateSchema = updateSchema({ ...headerFields, lines: InvoiceLinesSchema });
export type InvoiceUpdate = z.infer<typeof InvoiceUpdateSchema>;

/** DELETE /api/invoices/:id?version= (drafts only). */
export const InvoiceDeleteQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});
export type InvoiceDeleteQuery = z.infer<typeof InvoiceDeleteQuerySchema>;

/** POST /api/invoices/:id/issue. `confirm` (ADMIN only) overrides a blocked client or credit limit. */
export const InvoiceIssueSchema = z.strictObject({
  version: VersionSchema,
  confirm: z.boolean().default(false),
});
export type InvoiceIssue = z.infer<typeof InvoiceIssueSchema>;

/** POST /api/invoices/:id/credit-notes: no `lines` = everything not yet credited. */
export const CreditNoteCreateSchema = z.strictObject({
  reason: text(500),
  lines: z
    .array(z.strictObject({ invoiceLineId: EntityIdSchema, quantity: QuantitySchema }))
    .min(1)
    .max(200)
    // Each line's quantity is checked against what is left on it: a line given twice would pass
    // that check twice.
    .refine((lines) => new Set(lines.map((l) => l.invoiceLineId)).size === lines.length, {
      message: 'an invoice line appears twice',
    })
    .optional(),
});
export type CreditNoteCreate = z.infer<typeof CreditNoteCreateSchema>;

/** POST /api/invoices/:id/send: the stored PDF by e-mail. */
export const InvoiceSendSchema = z.strictObject({
  recipients: z.array(EmailSchema).min(1).max(MAIL_MAX_RECIPIENTS),
  message: optionalText(5000),
});
export type InvoiceSend = z.infer<typeof InvoiceSendSchema>;
export const InvoiceSendResultSchema = z.object({
  invoice: InvoiceSchema,
  recipients: z.array(z.string()),
  /** `outbox` in development: the message was written to a file, not sent. */
  transport: z.string(),
});
export type InvoiceSendResult = z.infer<typeof InvoiceSendResultSchema>;

export const {
  sortFields: INVOICE_SORT_FIELDS,
  query: InvoiceListQuerySchema,
  page: InvoicePageSchema,
} = listContracts(
  InvoiceSchema.omit({ lines: true }),
  ['number', 'invoiceDate', 'dueDate', 'totalTnd', 'status'],
  {
    status: queryListSchema(InvoiceStatusSchema).optional(),
    kind: InvoiceKindSchema.optional(),
    clientId: EntityIdSchema.optional(),
    jobId: EntityIdSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    overdue: QueryBooleanSchema.optional(),
    paymentStatus: queryListSchema(InvoicePaymentStatusSchema).optional(),
  },
);
export type InvoiceListQuery = z.infer<typeof InvoiceListQuerySchema>;
export type InvoicePage = z.infer<typeof InvoicePageSchema>;
export type InvoiceSummary = Omit<Invoice, 'lines'>;

/** GET /api/invoices/sales-journal.csv?from=&to= (issue dates, inclusive). */
export const SalesJournalQuerySchema = z
  .strictObject({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** `;` (what Excel expects in French locales) or `,`; `lang` picks the header labels. */
    sep: z.enum([';', ',']).default(';'),
    lang: DocumentLanguageSchema.default('fr'),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to must not be before from' });
export type SalesJournalQuery = z.infer<typeof SalesJournalQuerySchema>;
