import { z } from 'zod';
import { AmountSchema, EntityIdSchema, SignedAmountSchema } from '../common.js';

/** One column of the profit table: revenue, cost and margin of one basis, TND. */
export const JobProfitColumnSchema = z.object({
  revenueTnd: AmountSchema,
  costTnd: AmountSchema,
  marginTnd: SignedAmountSchema,
});
export type JobProfitColumn = z.infer<typeof JobProfitColumnSchema>;

/**
 * GET /api/jobs/:id/profit: planned (lines copied from the quote), actual (lines recorded on the
 * job) and invoiced (revenue: issued customer invoices net of issued credit notes; cost: supplier
 * invoices), all excluding VAT, in TND.
 */
export const JobProfitBreakdownSchema = z.object({
  jobId: EntityIdSchema,
  planned: JobProfitColumnSchema,
  actual: JobProfitColumnSchema,
  invoiced: JobProfitColumnSchema,
  /** Actual cost lines not yet settled by a supplier invoice. */
  costLinesUninvoiced: z.number().int(),
  /** Actual revenue lines not yet on an issued customer invoice. */
  revenueLinesUninvoiced: z.number().int(),
});
export type JobProfitBreakdown = z.infer<typeof JobProfitBreakdownSchema>;
