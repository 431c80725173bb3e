import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { amount, recordColumns } from '../common/records/columns.js';

/**
 * Objectifs commerciaux: one commercial's goals for a month, quarter or year. Only the goals are
 * stored; what was reached is aggregated from quotes and clients on every read (sales-measures.ts).
 */
export const salesTargets = pgTable(
  'sales_targets',
  {
    ...recordColumns(),
    /** The commercial's token `sub`, like `assigned_to` entries. */
    commercialId: text('commercial_id').notNull(),
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    revenueTnd: amount('revenue_tnd'),
    marginTnd: amount('margin_tnd'),
    newClients: integer('new_clients'),
    quotesSent: integer('quotes_sent'),
  },
  (table) => [
    // One live target per commercial and period; an archived one may be replaced.
    uniqueIndex('sales_targets_commercial_period_key')
      .on(table.commercialId, table.period, table.periodStart)
      .where(sql`${table.archivedAt} is null`),
    index('sales_targets_period_idx').on(table.periodStart),
    check('sales_targets_period', sql`${table.period} in ('month', 'quarter', 'year')`),
  ],
);
export type SalesTargetRow = typeof salesTargets.$inferSelect;

/** The day after the period: `period_start + 1 month | 3 months | 1 year`. */
export const periodEndExclusive = sql<string>`(${salesTargets.periodStart} + case ${salesTargets.period}
  when 'month' then interval '1 month' when 'quarter' then interval '3 months' else interval '1 year' end)::date`;
