import { z } from 'zod';
import {
  AmountSchema,
  CurrencyCodeSchema,
  EntityIdSchema,
  IsoDateSchema,
  SignedAmountSchema,
  TransportModeSchema,
} from '../common.js';
import { JobStatusSchema } from '../jobs/jobs.js';
import { OpportunityStageSchema } from '../crm/opportunities.js';
import { AgeingBucketsSchema } from '../payments/receivables.js';
import { QuoteStatusSchema } from '../quotes/quotes.js';
import { SalesPeriodSchema } from './period.js';
import { SalesTargetSchema } from './sales-targets.js';

/** Open opportunities of one stage: value converted to TND, and weighted by their probability. */
export const PipelineStageSchema = z.object({
  stage: OpportunityStageSchema,
  count: z.number().int(),
  valueTnd: AmountSchema,
  weightedTnd: AmountSchema,
});
export type PipelineStage = z.infer<typeof PipelineStageSchema>;

export const QuoteStatusCountSchema = z.object({ status: QuoteStatusSchema, count: z.number().int() });

/**
 * Accepted quotes of one month (`YYYY-MM`, by decision date): revenue excl. VAT in TND at each
 * quote's frozen rate; `marginTnd` is null for a role that may not read buy prices.
 */
export const MonthlyRevenueSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  accepted: z.number().int(),
  revenueTnd: AmountSchema,
  marginTnd: SignedAmountSchema.nullable(),
});
export type MonthlyRevenue = z.infer<typeof MonthlyRevenueSchema>;
export type QuoteStatusCount = z.infer<typeof QuoteStatusCountSchema>;

export const ModeSplitSchema = z.object({
  mode: TransportModeSchema,
  accepted: z.number().int(),
  revenueTnd: AmountSchema,
});
export type ModeSplit = z.infer<typeof ModeSplitSchema>;

export const TopClientSchema = z.object({
  clientId: EntityIdSchema,
  name: z.string(),
  accepted: z.number().int(),
  revenueTnd: AmountSchema,
});
export type TopClient = z.infer<typeof TopClientSchema>;

export const ExpiringQuoteSchema = z.object({
  id: EntityIdSchema,
  number: z.string(),
  title: z.string(),
  customerName: z.string().nullable(),
  validUntil: IsoDateSchema,
  totalTnd: AmountSchema,
});
export type ExpiringQuote = z.infer<typeof ExpiringQuoteSchema>;

/** The sales cockpit (ADMIN, COMMERCIAL): every figure within the caller's visibility. */
export const SalesDashboardSchema = z.object({
  /** Open opportunities now (the period does not apply to a pipeline). */
  pipeline: z.array(PipelineStageSchema),
  /** Currencies of open opportunities without a live exchange rate: left out of the TND sums. */
  unconvertedCurrencies: z.array(CurrencyCodeSchema),
  /** Quotes created in the period, by (effective) status. */
  quotesByStatus: z.array(QuoteStatusCountSchema),
  /** Accepted ÷ (accepted + rejected) among quotes decided in the period; null when none was. */
  winRate: z.number().min(0).max(1).nullable(),
  acceptedRevenueTnd: AmountSchema,
  acceptedMarginTnd: SignedAmountSchema.nullable(),
  /** The 12 months ending with the period's last month, oldest first. */
  monthly: z.array(MonthlyRevenueSchema).length(12),
  /** Accepted quotes of the period by transport mode. */
  modes: z.array(ModeSplitSchema),
  /** The five clients with the most accepted revenue in the period. */
  topClients: z.array(TopClientSchema),
  activities: z.object({ dueToday: z.number().int(), overdue: z.number().int() }),
  /** Sent quotes whose validity ends within 7 days (soonest first, at most 10 listed). */
  expiringQuotes: z.object({ count: z.number().int(), items: z.array(ExpiringQuoteSchema) }),
  /** Live targets whose period contains the period's last day, with their progress. */
  targets: z.array(SalesTargetSchema),
});
export type SalesDashboard = z.infer<typeof SalesDashboardSchema>;

/** The operations cockpit (OPERATIONS, FINANCE, ADMIN): job files not finished, by status. */
export const OperationsDashboardSchema = z.object({
  openJobs: z.array(z.object({ status: JobStatusSchema, count: z.number().int() })),
});
export type OperationsDashboard = z.infer<typeof OperationsDashboardSchema>;

/**
 * The receivables cockpit (FINANCE, ADMIN: `receivables:remind`, who chase overdue invoices): the
 * totals of `GET /api/receivables` at today, in TND (each invoice's open amount at its frozen
 * rate), and how many issued invoices are open and overdue. The period does not apply.
 */
export const ReceivablesDashboardSchema = z.object({
  totals: AgeingBucketsSchema,
  openInvoices: z.number().int(),
  /** Open invoices whose due date has passed (the invoice list's `paymentStatus=overdue`). */
  overdueInvoices: z.number().int(),
});
export type ReceivablesDashboard = z.infer<typeof ReceivablesDashboardSchema>;

/**
 * `GET /api/dashboard`: the widgets of the caller's roles; a section the role has no use for is
 * null (OPERATIONS and FINANCE get no sales section, COMMERCIAL no operations section, only FINANCE
 * and ADMIN the receivables).
 */
export const DashboardSchema = z.object({
  period: SalesPeriodSchema,
  today: IsoDateSchema,
  /** The commercial the figures are limited to (ADMIN's filter, or the commercial themselves). */
  commercialId: z.string().nullable(),
  sales: SalesDashboardSchema.nullable(),
  operations: OperationsDashboardSchema.nullable(),
  receivables: ReceivablesDashboardSchema.nullable(),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
