import { z } from 'zod';
import {
  AmountSchema,
  ExchangeRateSchema,
  EntityIdSchema,
  IsoDateTimeSchema,
  MeasureSchema,
  UserIdSchema,
  VersionSchema,
  line,
  optionalLine,
  optionalText,
  updateSchema,
} from '../common.js';
import {
  addIssues,
  disbursementVatIssue,
  issuesOf,
  pricingInputDefaults,
  tndRateIssue,
  unitPricedFields,
  unitPricedTotalIssue,
  type LineIssue,
} from '../line-pricing.js';
import { PageQuerySchema, pageSchema } from '../pagination.js';
import { TimelineAuditItemSchema } from '../crm/timeline.js';
import { ChargeTypeCodeSchema } from '../quotes/quote-lines.js';
import { SizeTypeCodeSchema } from '../reference/equipment.js';
import { ReadableCodeSchema } from '../reference/reference.js';
import { JobProfitColumnSchema } from '../supplier-invoices/job-profit.js';
import { JOB_CHARGE_SIDES, JOB_CHARGE_STAGES, JOB_MILESTONE_KINDS } from '../vocabulary.js';
import { ContainerNumberSchema } from './identifiers.js';
import { JobSchema } from './jobs.js';

const recordMeta = {
  id: EntityIdSchema,
  version: VersionSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
};

// -------------------------------------------------------------------------------- containers

const containerFields = {
  number: ContainerNumberSchema,
  /** Size-type from the equipment list (45G1, 22G1 …). */
  sizeType: SizeTypeCodeSchema,
  sealNumber: optionalLine(50),
  tareKg: MeasureSchema.nullish(),
  grossKg: MeasureSchema.nullish(),
  /** Verified gross mass (SOLAS). */
  vgmKg: MeasureSchema.nullish(),
  packages: z.number().int().min(0).max(1_000_000).nullish(),
};
export const JobContainerCreateSchema = z.strictObject(containerFields);
export type JobContainerCreate = z.infer<typeof JobContainerCreateSchema>;
/** PATCH: any field, with the container's own `version`. */
export const JobContainerUpdateSchema = updateSchema(containerFields);
export type JobContainerUpdate = z.infer<typeof JobContainerUpdateSchema>;
export const JobContainerSchema = z.object({ ...recordMeta, ...containerFields });
export type JobContainer = z.infer<typeof JobContainerSchema>;

// -------------------------------------------------------------------------------- milestones

export const JobMilestoneKindSchema = z.enum(JOB_MILESTONE_KINDS);
export type JobMilestoneKind = z.infer<typeof JobMilestoneKindSchema>;

export const JobMilestoneCreateSchema = z.strictObject({
  kind: JobMilestoneKindSchema,
  occurredAt: IsoDateTimeSchema,
  place: optionalLine(200),
  note: optionalText(2000),
});
export type JobMilestoneCreate = z.infer<typeof JobMilestoneCreateSchema>;
export const JobMilestoneSchema = z.object({
  id: EntityIdSchema,
  kind: JobMilestoneKindSchema,
  occurredAt: IsoDateTimeSchema,
  place: z.string().nullable(),
  note: z.string().nullable(),
  /** Token `sub` of who recorded it. */
  recordedBy: UserIdSchema,
  createdAt: IsoDateTimeSchema,
});
export type JobMilestone = z.infer<typeof JobMilestoneSchema>;

// ----------------------------------------------------------------------------------- charges

export const JobChargeSideSchema = z.enum(JOB_CHARGE_SIDES);
export type JobChargeSide = z.infer<typeof JobChargeSideSchema>;
export const JobChargeStageSchema = z.enum(JOB_CHARGE_STAGES);
export type JobChargeStage = z.infer<typeof JobChargeStageSchema>;

const chargeFields = {
  side: JobChargeSideSchema,
  stage: JobChargeStageSchema,
  chargeTypeCode: ChargeTypeCodeSchema.nullish(),
  description: line(500),
  /** The supplier paid (`FRN-…`); cost side only. */
  supplierCode: ReadableCodeSchema.nullish(),
  ...unitPricedFields,
  supplierInvoiceRef: optionalLine(100),
};

interface ChargeShape {
  side?: string;
  currency?: string;
  exchangeRate?: string;
  supplierCode?: string | null;
  supplierInvoiceRef?: string | null;
  isDisbursement?: boolean;
  vatRate?: number;
  quantity?: string;
  unitPrice?: string;
}

/** Rules across fields; the API runs them again on the merged line after a PATCH. */
export function jobChargeIssues(charge: ChargeShape): LineIssue[] {
  const supplierOnRevenue: LineIssue | undefined =
    charge.side === 'revenue' && (charge.supplierCode || charge.supplierInvoiceRef)
      ? { path: ['supplierCode'], message: 'only a cost line has a supplier' }
      : undefined;
  return issuesOf(
    tndRateIssue(charge),
    supplierOnRevenue,
    // A PATCH may leave the VAT rate out: nothing to check then.
    charge.vatRate === undefined ? undefined : disbursementVatIssue(charge),
    unitPricedTotalIssue(charge),
  );
}

export const JobChargeCreateSchema = z
  .strictObject({
    ...chargeFields,
    ...pricingInputDefaults,
    /**
     * Absent: 1 for a TND line, else the day's reference rate (400 when none is on file) — never
     * 1 for a foreign currency.
     */
    exchangeRate: ExchangeRateSchema.optional(),
  })
  .superRefine((charge, ctx) => addIssues(ctx, jobChargeIssues(charge)));
export type JobChargeCreate = z.infer<typeof JobChargeCreateSchema>;
/** PATCH: any field, with the line's own `version`. */
export const JobChargeUpdateSchema = updateSchema(chargeFields);
export type JobChargeUpdate = z.infer<typeof JobChargeUpdateSchema>;
export const JobChargeSchema = z.object({
  ...recordMeta,
  ...chargeFields,
  supplierName: z.string().nullable(),
  /** quantity × unit price × rate, rounded to the millime. */
  amountTnd: AmountSchema,
  /** Copied from this quote line at creation (null for lines added on the job). */
  quoteLineId: EntityIdSchema.nullable(),
});
export type JobCharge = z.infer<typeof JobChargeSchema>;

// ------------------------------------------------------------------------------------ profit

/**
 * The job's margin per stage, as the detail carries it: planned (the quote's lines) and actual (the
 * lines recorded on the job), never one set against the other. The invoiced column needs the
 * invoices: GET /api/jobs/:id/profit.
 */
export const JobProfitSchema = z.object({
  planned: JobProfitColumnSchema,
  actual: JobProfitColumnSchema,
});
export type JobProfit = z.infer<typeof JobProfitSchema>;

// ------------------------------------------------------------------------------------ detail

/** The invoice that bills a job line: a draft (no number yet) or an issued invoice. */
export const JobChargeBillingSchema = z.object({
  invoiceId: EntityIdSchema,
  invoiceNumber: z.string().nullable(),
});
export type JobChargeBilling = z.infer<typeof JobChargeBillingSchema>;

export const JobDetailSchema = JobSchema.extend({
  containers: z.array(JobContainerSchema),
  milestones: z.array(JobMilestoneSchema),
  charges: z.array(JobChargeSchema),
  /**
   * The lines an invoice bills, by line id: frozen on the job (changing or deleting one answers
   * 409); corrections go through the invoice. Lines no invoice bills are absent.
   */
  billedCharges: z.record(z.string(), JobChargeBillingSchema),
  profit: JobProfitSchema,
});
export type JobDetail = z.infer<typeof JobDetailSchema>;

// ---------------------------------------------------------------------------------- timeline

export const JobTimelineQuerySchema = PageQuerySchema.pick({ page: true, pageSize: true }).strict();
export const JobTimelineMilestoneItemSchema = z.object({
  kind: z.literal('milestone'),
  at: IsoDateTimeSchema,
  milestone: JobMilestoneSchema,
  /** The name of who recorded it (absent for the system or a user who left). */
  names: z.record(z.string(), z.string()).optional(),
});
export const JobTimelineItemSchema = z.discriminatedUnion('kind', [
  TimelineAuditItemSchema,
  JobTimelineMilestoneItemSchema,
]);
export type JobTimelineItem = z.infer<typeof JobTimelineItemSchema>;
export const JobTimelinePageSchema = pageSchema(JobTimelineItemSchema);
export type JobTimelinePage = z.infer<typeof JobTimelinePageSchema>;

/** POST /api/quotes/:id/job takes no body; this is the reason text on a 409 for the SPA. */
export const JOB_FROM_QUOTE_NOT_ACCEPTED = 'only an accepted quote opens a job';
