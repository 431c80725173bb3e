import { z } from 'zod';
import {
  AmountSchema,
  CurrencyCodeSchema,
  EntityIdSchema,
  ExchangeRateSchema,
  IsoDateSchema,
  QueryBooleanSchema,
  line,
  listContracts,
  optionalLine,
  optionalText,
  readSchema,
  updateSchema,
} from '../common.js';
import {
  addIssues,
  disbursementVatIssue,
  issuesOf,
  tndRateIssue,
  vatFields,
  type LineIssue,
} from '../line-pricing.js';
import { FIELD_MESSAGES } from '../problem.js';
import { VatBreakdownEntrySchema } from '../quotes/quote-totals.js';
import { ReadableCodeSchema } from '../reference/reference.js';
import { BASE_CURRENCY } from '../vocabulary.js';

// ------------------------------------------------------------------------------------- lines

/** A line as sent: the job cost line it settles, its amount excluding VAT in the invoice currency. */
export const SupplierInvoiceLineInputSchema = z
  .strictObject({
    /** The job cost line (side `cost`) this line settles; each is settled by at most one line. */
    jobChargeId: EntityIdSchema,
    /** Absent: the job line's description. */
    description: optionalLine(500),
    /** HT, in the invoice currency. */
    amount: AmountSchema,
    ...vatFields,
    isDisbursement: z.boolean().default(false),
  })
  .superRefine((l, ctx) => addIssues(ctx, [disbursementVatIssue(l)]));
export type SupplierInvoiceLineInput = z.input<typeof SupplierInvoiceLineInputSchema>;
export type SupplierInvoiceLineParsed = z.infer<typeof SupplierInvoiceLineInputSchema>;

const SupplierInvoiceLinesSchema = z
  .array(SupplierInvoiceLineInputSchema)
  .min(1)
  .max(200)
  .refine((lines) => new Set(lines.map((l) => l.jobChargeId)).size === lines.length, {
    message: 'a job line appears twice',
  });

export const SupplierInvoiceLineSchema = z.object({
  id: EntityIdSchema,
  position: z.number().int(),
  jobChargeId: EntityIdSchema.nullable(),
  jobId: EntityIdSchema,
  jobNumber: z.string(),
  description: z.string(),
  amount: AmountSchema,
  ...vatFields,
  /** amount × the invoice's rate, rounded to the millime. */
  amountTnd: AmountSchema,
  vatTnd: AmountSchema,
});
export type SupplierInvoiceLine = z.infer<typeof SupplierInvoiceLineSchema>;

// ------------------------------------------------------------------------------------ totals

export const SupplierInvoiceTotalsSchema = z.object({
  /** Taxable base (lines outside débours), TND. */
  netTnd: AmountSchema,
  vatTnd: AmountSchema,
  vatBreakdown: z.array(VatBreakdownEntrySchema),
  disbursementsTnd: AmountSchema,
  /** net + débours + VAT. */
  totalTnd: AmountSchema,
  /** The total in the invoice currency; null for a TND invoice. */
  totalCurrency: AmountSchema.nullable(),
});
export type SupplierInvoiceTotals = z.infer<typeof SupplierInvoiceTotalsSchema>;

export const SupplierInvoiceSchema = readSchema({
  /** The supplier from the reference list (`FRN-…`), when it is one. */
  supplierCode: z.string().nullable(),
  supplierName: z.string(),
  supplierTaxId: z.string().nullable(),
  /** The supplier's own invoice number (unique per supplier). */
  supplierNumber: z.string(),
  invoiceDate: IsoDateSchema,
  dueDate: IsoDateSchema.nullable(),
  currency: CurrencyCodeSchema,
  exchangeRate: ExchangeRateSchema,
  paid: z.boolean(),
  paidOn: IsoDateSchema.nullable(),
  notes: z.string().nullable(),
  /** The jobs its lines belong to. */
  jobIds: z.array(EntityIdSchema),
  /** The same jobs with their numbers (`SE26-00012`), in `jobIds` order, for links that name them. */
  jobs: z.array(z.object({ id: EntityIdSchema, number: z.string() })),
  totals: SupplierInvoiceTotalsSchema,
  /** Not paid, due date passed. */
  overdue: z.boolean(),
  lines: z.array(SupplierInvoiceLineSchema),
});
export type SupplierInvoice = z.infer<typeof SupplierInvoiceSchema>;
export type SupplierInvoiceSummary = Omit<SupplierInvoice, 'lines'>;

// --------------------------------------------------------------------------------- requests

const headerFields = {
  supplierCode: ReadableCodeSchema.nullish(),
  /** Absent with a `supplierCode`: the reference supplier's name. */
  supplierName: optionalLine(200),
  supplierTaxId: optionalLine(50),
  supplierNumber: line(100),
  invoiceDate: IsoDateSchema,
  dueDate: IsoDateSchema.nullish(),
  currency: CurrencyCodeSchema,
  /** TND per unit of `currency`; absent: 1 for TND, else the rate of the invoice date. */
  exchangeRate: ExchangeRateSchema.optional(),
  paid: z.boolean(),
  /** Absent when paid: the invoice is marked paid today. */
  paidOn: IsoDateSchema.nullish(),
  notes: optionalText(2000),
};

interface HeaderShape {
  currency?: string | undefined;
  exchangeRate?: string | undefined;
  invoiceDate?: string | undefined;
  dueDate?: string | null | undefined;
  supplierCode?: string | null | undefined;
  supplierName?: string | null | undefined;
}

/** Rules across header fields; the API runs them again on the merged invoice after a PATCH. */
export function supplierInvoiceIssues(h: HeaderShape): LineIssue[] {
  const issues = issuesOf(tndRateIssue(h, 'invoice'));
  if (h.dueDate && h.invoiceDate && h.dueDate < h.invoiceDate) {
    issues.push({ path: ['dueDate'], message: FIELD_MESSAGES.dueBeforeInvoiceDate });
  }
  if (h.supplierCode === null && h.supplierName === null) {
    issues.push({ path: ['supplierName'], message: 'a supplier name or a reference supplier is required' });
  }
  return issues;
}

/** POST /api/supplier-invoices. */
export const SupplierInvoiceCreateSchema = z
  .strictObject({
    ...headerFields,
    currency: CurrencyCodeSchema.default(BASE_CURRENCY),
    paid: z.boolean().default(false),
    lines: SupplierInvoiceLinesSchema,
  })
  .superRefine((body, ctx) => {
    const issues = supplierInvoiceIssues({
      ...body,
      supplierCode: body.supplierCode ?? null,
      supplierName: body.supplierName ?? null,
    });
    addIssues(ctx, issues);
  });
export type SupplierInvoiceCreate = z.infer<typeof SupplierInvoiceCreateSchema>;
export type SupplierInvoiceCreateInput = z.input<typeof SupplierInvoiceCreateSchema>;

/** PATCH /api/supplier-invoices/:id: any field (`lines` replaces every line), with `version`. */
export const SupplierInvoiceUpdateSchema = updateSchema({
  ...headerFields,
  lines: SupplierInvoiceLinesSchema,
});
export type SupplierInvoiceUpdate = z.infer<typeof SupplierInvoiceUpdateSchema>;

export const {
  sortFields: SUPPLIER_INVOICE_SORT_FIELDS,
  query: SupplierInvoiceListQuerySchema,
  page: SupplierInvoicePageSchema,
} = listContracts(
  SupplierInvoiceSchema.omit({ lines: true }),
  ['invoiceDate', 'dueDate', 'supplierName', 'supplierNumber', 'totalTnd'],
  {
    jobId: EntityIdSchema.optional(),
    supplierCode: ReadableCodeSchema.optional(),
    paid: QueryBooleanSchema.optional(),
    overdue: QueryBooleanSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  },
);
export type SupplierInvoiceListQuery = z.infer<typeof SupplierInvoiceListQuerySchema>;
export type SupplierInvoicePage = z.infer<typeof SupplierInvoicePageSchema>;
