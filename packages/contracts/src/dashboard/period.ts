import { z } from 'zod';
import { IsoDateSchema, UserIdSchema } from '../common.js';

/** Longest period a dashboard or report covers: three years keeps every aggregate bounded. */
export const MAX_REPORT_DAYS = 3 * 366;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * `from` / `to` (inclusive calendar days, Tunis time) and, for ADMIN, one commercial's figures
 * (`commercialId` = their token `sub`). Both dates are optional: the API fills the missing ones
 * (year to date). A commercial's own scope always applies, whatever `commercialId` says.
 */
export const SalesPeriodQuerySchema = z
  .strictObject({
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    commercialId: UserIdSchema.optional(),
  })
  .superRefine((query, ctx) => {
    if (query.from === undefined || query.to === undefined) return;
    const days = dayNumber(query.to) - dayNumber(query.from);
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    if (days > MAX_REPORT_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_REPORT_DAYS} days after from` });
    }
  });
export type SalesPeriodQuery = z.infer<typeof SalesPeriodQuerySchema>;

/** The period the API actually used (defaults filled in). */
export const SalesPeriodSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema });
export type SalesPeriod = z.infer<typeof SalesPeriodSchema>;
