import type { JobProfitColumn } from '@velosi/contracts';
import { compareAmounts } from '@velosi/contracts/invoice-math';

/**
 * How one profit column's margin reads. A column with costs but no sales yet (or sales but no
 * costs) is incomplete, not a loss nor a gain: its margin is shown neutral, with a note saying
 * which side is still empty (an operator enters the carrier's cost before the actual sales).
 */
export type MarginReading = 'loss' | 'neutral' | 'noSales' | 'noCosts';

export function marginReading(
  column: Pick<JobProfitColumn, 'revenueTnd' | 'costTnd' | 'marginTnd'>,
): MarginReading {
  const sales = compareAmounts(column.revenueTnd, '0') !== 0;
  const costs = compareAmounts(column.costTnd, '0') !== 0;
  if (costs && !sales) return 'noSales';
  if (sales && !costs) return 'noCosts';
  return compareAmounts(column.marginTnd, '0') < 0 ? 'loss' : 'neutral';
}
