// Zod-free (like quote-math.ts): the job's money figures, computed with the shared decimal code so
// the API and the SPA get the same millimes.
import { Dec, fixed } from '../decimal.js';

export interface JobChargeFigures {
  side: 'revenue' | 'cost';
  stage: 'planned' | 'actual';
  quantity: string;
  unitPrice: string;
  exchangeRate: string;
}

/** quantity × unit price × rate to TND, rounded to the millime (halves away from zero). */
export function jobChargeAmountTnd(
  line: Pick<JobChargeFigures, 'quantity' | 'unitPrice' | 'exchangeRate'>,
): string {
  const amount = new Dec(line.quantity).times(line.unitPrice).times(line.exchangeRate);
  return fixed(amount.toDecimalPlaces(3, Dec.ROUND_HALF_UP), 3);
}

/** Revenue, cost and margin of one stage, TND (the shape of a column of the profit table). */
export interface JobProfitColumnFigures {
  revenueTnd: string;
  costTnd: string;
  marginTnd: string;
}

export interface JobProfitFigures {
  planned: JobProfitColumnFigures;
  actual: JobProfitColumnFigures;
}

/**
 * Job profit per stage: planned (lines copied from the quote) and actual (lines recorded on the
 * job), each revenue − cost of that stage alone, so a margin never sets planned sales against
 * actual costs. Sums of the lines' rounded TND amounts, so each margin is the difference of the
 * figures shown line by line — and the same as the planned and actual columns of
 * GET /api/jobs/:id/profit, which sums the same stored amounts.
 */
export function jobProfit(lines: readonly (JobChargeFigures & { amountTnd?: string })[]): JobProfitFigures {
  const column = (stage: JobChargeFigures['stage']): JobProfitColumnFigures => {
    const sum = (side: JobChargeFigures['side']) =>
      lines
        .filter((l) => l.side === side && l.stage === stage)
        .reduce((acc, l) => acc.plus(l.amountTnd ?? jobChargeAmountTnd(l)), new Dec(0));
    const revenue = sum('revenue');
    const cost = sum('cost');
    return {
      revenueTnd: fixed(revenue, 3),
      costTnd: fixed(cost, 3),
      marginTnd: fixed(revenue.minus(cost), 3),
    };
  };
  return { planned: column('planned'), actual: column('actual') };
}

/**
 * The stage of revenue lines a job bills: its actual lines once it has any, else the planned ones
 * copied from the quote. The API invoices a job on this basis (invoice-parties.ts `jobRevenue`) and
 * the SPA's close dialog warns of what is still to invoice on the same one.
 */
export function revenueBasisStage(
  charges: readonly { side: string; stage: string }[],
): JobChargeFigures['stage'] {
  return charges.some((c) => c.side === 'revenue' && c.stage === 'actual') ? 'actual' : 'planned';
}
