import {
  BASE_CURRENCY,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
  type PipelineQuery,
  type PipelineStageSummary,
  type PipelineSummary,
} from '@velosi/contracts';
import { and, count, isNull, sql } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import type { RecordRepository } from '../common/records/repository.js';
import { pipelineFilters } from './opportunities.service.js';
import { opportunities } from './opportunities.table.js';

/**
 * Kanban column totals: one GROUP BY (stage, currency) over the live opportunities the caller
 * sees, summed in SQL with numeric (exact) arithmetic. Values are NOT converted to TND: there is
 * no exchange-rate table yet, so each currency keeps its own sum (TND first).
 */
export async function pipelineSummary(
  records: RecordRepository<typeof opportunities, unknown, string>,
  user: AuthUser,
  query: PipelineQuery,
): Promise<PipelineSummary> {
  const rows = await records.db
    .select({
      stage: opportunities.stage,
      currency: opportunities.valueCurrency,
      count: count(),
      amount: sql<string | null>`sum(${opportunities.valueAmount})::numeric(18,3)::text`,
      weighted: sql<
        string | null
      >`round(sum(${opportunities.valueAmount} * ${opportunities.probability}) / 100, 3)::numeric(18,3)::text`,
    })
    .from(opportunities)
    .where(and(records.visible(user), isNull(opportunities.archivedAt), ...pipelineFilters(query)))
    .groupBy(opportunities.stage, opportunities.valueCurrency);

  const byStage = new Map<OpportunityStage, PipelineStageSummary>(
    OPPORTUNITY_STAGES.map((stage) => [stage, { stage, count: 0, totals: [] }]),
  );
  for (const row of rows) {
    const summary = byStage.get(row.stage as OpportunityStage);
    if (!summary) continue;
    summary.count += row.count;
    if (row.currency && row.amount && row.weighted) {
      summary.totals.push({ currency: row.currency, amount: row.amount, weighted: row.weighted });
    }
  }
  for (const summary of byStage.values()) {
    summary.totals.sort(
      (a, b) =>
        Number(b.currency === BASE_CURRENCY) - Number(a.currency === BASE_CURRENCY) ||
        a.currency.localeCompare(b.currency),
    );
  }
  return { stages: [...byStage.values()] };
}
