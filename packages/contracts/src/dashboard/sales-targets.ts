import { z } from 'zod';
import {
  AmountSchema,
  IsoDateSchema,
  SignedAmountSchema,
  UserIdSchema,
  listContracts,
  readSchema,
  updateSchema,
} from '../common.js';
import { SALES_TARGET_PERIODS } from '../vocabulary.js';

export const SalesTargetPeriodSchema = z.enum(SALES_TARGET_PERIODS);
export type SalesTargetPeriod = z.infer<typeof SalesTargetPeriodSchema>;

/** A count target (new clients, quotes sent): a PostgreSQL int. */
const CountTargetSchema = z.number().int().min(0).max(1_000_000);

/** The four goals; each may be left unset (null) when the period has no goal for it. */
const goalsShape = {
  revenueTnd: AmountSchema.nullable(),
  marginTnd: AmountSchema.nullable(),
  newClients: CountTargetSchema.nullable(),
  quotesSent: CountTargetSchema.nullable(),
};

/**
 * What the data says for the target's commercial over its period, computed on every read (never
 * typed in): accepted quotes (decided in the period) in TND, their margin, clients created, quotes sent.
 */
export const SalesTargetProgressSchema = z.object({
  revenueTnd: AmountSchema,
  marginTnd: SignedAmountSchema,
  newClients: z.number().int(),
  quotesSent: z.number().int(),
});
export type SalesTargetProgress = z.infer<typeof SalesTargetProgressSchema>;

export const SalesTargetSchema = readSchema({
  commercialId: UserIdSchema,
  period: SalesTargetPeriodSchema,
  /** First day of the month, quarter or year. */
  periodStart: IsoDateSchema,
  /** Last day of the period (derived). */
  periodEnd: IsoDateSchema,
  ...goalsShape,
  progress: SalesTargetProgressSchema,
});
export type SalesTarget = z.infer<typeof SalesTargetSchema>;

/** The stored target without its progress: what archive and restore answer. */
export const SalesTargetRecordSchema = SalesTargetSchema.omit({ progress: true });

/** The first day of a month (`month`), of a quarter (Jan, Apr, Jul, Oct) or of a year. */
export function isPeriodStart(period: SalesTargetPeriod, isoDate: string): boolean {
  const [, month, day] = isoDate.split('-').map(Number);
  if (day !== 1 || month === undefined) return false;
  if (period === 'quarter') return (month - 1) % 3 === 0;
  if (period === 'year') return month === 1;
  return true;
}

export const SalesTargetCreateSchema = z
  .strictObject({
    commercialId: UserIdSchema,
    period: SalesTargetPeriodSchema,
    periodStart: IsoDateSchema,
    revenueTnd: goalsShape.revenueTnd.optional(),
    marginTnd: goalsShape.marginTnd.optional(),
    newClients: goalsShape.newClients.optional(),
    quotesSent: goalsShape.quotesSent.optional(),
  })
  .refine((body) => isPeriodStart(body.period, body.periodStart), {
    path: ['periodStart'],
    message: 'must be the first day of the month, quarter or year',
  });
export type SalesTargetCreate = z.infer<typeof SalesTargetCreateSchema>;

/** Only the goals change; commercial and period are the target's identity (archive and recreate). */
export const SalesTargetUpdateSchema = updateSchema(goalsShape);
export type SalesTargetUpdate = z.infer<typeof SalesTargetUpdateSchema>;

export const {
  sortFields: SALES_TARGET_SORT_FIELDS,
  query: SalesTargetListQuerySchema,
  page: SalesTargetPageSchema,
} = listContracts(SalesTargetSchema, ['periodStart'], {
  commercialId: UserIdSchema.optional(),
  period: SalesTargetPeriodSchema.optional(),
  /** Targets whose period contains this day (the current ones: today). */
  activeOn: IsoDateSchema.optional(),
});
export type SalesTargetListQuery = z.infer<typeof SalesTargetListQuerySchema>;
export type SalesTargetPage = z.infer<typeof SalesTargetPageSchema>;
