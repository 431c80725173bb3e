import { z } from 'zod';
import { DOCUMENT_LANGUAGES } from '../vocabulary.js';
import { AmountSchema, IsoDateSchema, SignedAmountSchema, UserIdSchema } from '../common.js';
import { SalesPeriodQuerySchema, SalesPeriodSchema } from './period.js';
import { SalesTargetPeriodSchema, SalesTargetProgressSchema } from './sales-targets.js';

/** `GET /api/reports/sales.{pdf,csv}`: the period query plus the file options. */
export const SalesReportQuerySchema = SalesPeriodQuerySchema.safeExtend({
  lang: z.enum(DOCUMENT_LANGUAGES).default('fr'),
  /** CSV only: `;` (Excel in French locales) or `,`. */
  sep: z.enum([';', ',']).default(';'),
});
export type SalesReportQuery = z.infer<typeof SalesReportQuerySchema>;

export const LostReasonSchema = z.object({ reason: z.string(), count: z.number().int() });
export type LostReason = z.infer<typeof LostReasonSchema>;

/** One commercial's week (or month…) for the Monday meeting. */
export const SalesReportRowSchema = z.object({
  commercialId: UserIdSchema,
  name: z.string(),
  activitiesDone: z.number().int(),
  leadsCreated: z.number().int(),
  leadsConverted: z.number().int(),
  quotesSent: z.number().int(),
  quotesAccepted: z.number().int(),
  quotesLost: z.number().int(),
  /** Reasons given when quotes were rejected, most frequent first ("" = none given). */
  lostReasons: z.array(LostReasonSchema),
  revenueTnd: AmountSchema,
  marginTnd: SignedAmountSchema,
  /** Goals of the targets whose period contains the report's last day, and what is reached. */
  target: z
    .object({
      /** The target's own period (month, quarter or year from its first day), not the report's. */
      period: SalesTargetPeriodSchema,
      periodStart: IsoDateSchema,
      revenueTnd: AmountSchema.nullable(),
      marginTnd: AmountSchema.nullable(),
      newClients: z.number().int().nullable(),
      quotesSent: z.number().int().nullable(),
      progress: SalesTargetProgressSchema,
    })
    .nullable(),
});
export type SalesReportRow = z.infer<typeof SalesReportRowSchema>;

export const SalesReportSchema = z.object({
  period: SalesPeriodSchema,
  rows: z.array(SalesReportRowSchema),
});
export type SalesReport = z.infer<typeof SalesReportSchema>;
