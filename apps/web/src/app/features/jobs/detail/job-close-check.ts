import {
  revenueBasisStage,
  type JobDetail,
  type JobMilestoneKind,
  type JobProfitBreakdown,
} from '@velosi/contracts';
import { compareAmounts, subtractAmounts } from '@velosi/contracts/invoice-math';

import type { ConfirmDialogData, ConfirmDialogLine } from '../../../shared/ui/confirm-dialog/confirm-dialog';

/** The milestones that set ATD and ATA: a job closed without them has no recorded voyage. */
const KEY_MILESTONES: readonly JobMilestoneKind[] = ['departed', 'arrived'];

export interface CloseFormat {
  tnd(amount: string): string;
  milestone(kind: JobMilestoneKind): string;
}

/**
 * What is still open on a job about to be closed, for the close dialog: sales not invoiced yet,
 * actual costs without a supplier invoice, no actual cost at all while the quote planned some,
 * and the departure/arrival never recorded. The API
 * closes a delivered job whatever these say (jobs.service `close`), so they warn, never block.
 *
 * `profit` is GET /api/jobs/:id/profit, or null when it could not be read (no `jobs:costs`, or
 * an error): the money points are then replaced by one line saying they were not checked.
 * `format` writes an amount in TND and a milestone's name in the UI language.
 */
export function closeChecklist(
  job: Pick<JobDetail, 'charges' | 'milestones'>,
  profit: Pick<JobProfitBreakdown, 'planned' | 'actual' | 'invoiced' | 'costLinesUninvoiced'> | null,
  format: CloseFormat,
): ConfirmDialogLine[] {
  const { tnd } = format;
  const lines: ConfirmDialogLine[] = [];
  if (profit) {
    // The sales the job bills (the API's basis, revenueBasisStage) less what issued invoices bill.
    const actual = revenueBasisStage(job.charges) === 'actual';
    const toBill = actual ? profit.actual.revenueTnd : profit.planned.revenueTnd;
    const open = subtractAmounts(toBill, profit.invoiced.revenueTnd);
    if (compareAmounts(open, '0') > 0) {
      lines.push({
        key: actual ? 'jobs.close.open.actualSales' : 'jobs.close.open.plannedSales',
        params: { amount: tnd(open), invoiced: tnd(profit.invoiced.revenueTnd) },
      });
    }
    if (profit.costLinesUninvoiced > 0) {
      lines.push({ key: 'jobs.close.open.costs', params: { count: profit.costLinesUninvoiced } });
    }
    // Costs planned on the quote and none recorded: the job would close at a 100 % margin.
    const noActualCost =
      compareAmounts(profit.actual.costTnd, '0') === 0 && compareAmounts(profit.planned.costTnd, '0') > 0;
    if (noActualCost) {
      lines.push({ key: 'jobs.close.open.noCosts', params: { planned: tnd(profit.planned.costTnd) } });
    }
  } else {
    lines.push({ key: 'jobs.close.open.moneyUnchecked' });
  }
  const recorded = new Set(job.milestones.map((m) => m.kind));
  const missing = KEY_MILESTONES.filter((kind) => !recorded.has(kind));
  if (missing.length > 0)
    lines.push({
      key: 'jobs.close.open.milestones',
      params: { kinds: missing.map(format.milestone).join(', ') },
    });
  return lines;
}

/** The close question: what is still open (if anything), then that closing is for good. */
export function closeDialogData(number: string, lines: ConfirmDialogLine[]): ConfirmDialogData {
  return {
    titleKey: 'jobs.close.title',
    messageKey: lines.length > 0 ? 'jobs.close.messageOpen' : 'jobs.close.message',
    confirmKey: 'jobs.close.confirm',
    params: { number },
    destructive: true,
    lines,
  };
}
