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

export interface JobProfitFigures {
  revenueTnd: string;
  costTnd: string;
  profitTnd: string;
  basis: 'actual' | 'planned';
  revenueBasis: 'actual' | 'planned';
  costBasis: 'actual' | 'planned';
  plannedRevenueTnd: string;
  plannedCostTnd: string;
  plannedProfitTnd: string;
}

/**
 * Job profit = revenue − cost, each side taken from its actual lines once it has any, else from
 * its planned lines (copied from the quote). Sums of the lines' rounded TND amounts, so the profit
 * is the difference of the figures shown line by line.
 */
export function jobProfit(lines: readonly (JobChargeFigures & { amountTnd?: string })[]): JobProfitFigures {
  const sum = (side: JobChargeFigures['side'], stage: JobChargeFigures['stage']) =>
    lines
      .filter((l) => l.side === side && l.stage === stage)
      .reduce((acc, l) => acc.plus(l.amountTnd ?? jobChargeAmountTnd(l)), new Dec(0));
  const has = (side: JobChargeFigures['side']) => lines.some((l) => l.side === side && l.stage === 'actual');
  const revenueBasis = has('revenue') ? 'actual' : 'planned';
  const costBasis = has('cost') ? 'actual' : 'planned';
  const revenue = sum('revenue', revenueBasis);
  const cost = sum('cost', costBasis);
  const plannedRevenue = sum('revenue', 'planned');
  const plannedCost = sum('cost', 'planned');
  return {
    revenueTnd: fixed(revenue, 3),
    costTnd: fixed(cost, 3),
    profitTnd: fixed(revenue.minus(cost), 3),
    basis: revenueBasis === 'actual' && costBasis === 'actual' ? 'actual' : 'planned',
    revenueBasis,
    costBasis,
    plannedRevenueTnd: fixed(plannedRevenue, 3),
    plannedCostTnd: fixed(plannedCost, 3),
    plannedProfitTnd: fixed(plannedRevenue.minus(plannedCost), 3),
  };
}
