import { businessToday } from '../../common/business-day.js';
import type { DemoSeedStep } from '../../demo/seed.js';
import type { SalesTargetsRepository } from '../sales-targets.repository.js';

/** Goals of the demo commercials (TND), so the dashboard's target widget has something to show. */
const GOALS = [
  { month: { revenueTnd: '40000', marginTnd: '8000', newClients: 2, quotesSent: 10 }, quarterFactor: 3 },
  { month: { revenueTnd: '30000', marginTnd: '6000', newClients: 1, quotesSent: 8 }, quarterFactor: 3 },
];

/**
 * Demo seed step (registered in demo/demo-steps.ts): the current month's and quarter's targets of
 * `ctx.commercial` (no year target, which the browser journey sets itself).
 */
export function salesTargetSeedStep(repository: SalesTargetsRepository): DemoSeedStep {
  return async (ctx) => {
    const today = businessToday(ctx.now);
    const [year = '2000', month = '01'] = today.split('-');
    const quarterMonth = String(Math.floor((Number(month) - 1) / 3) * 3 + 1).padStart(2, '0');
    const goals = GOALS[ctx.index % GOALS.length] ?? GOALS[0];
    if (!goals) return { targets: 0 };
    const times = (amount: string) => String(Number(amount) * goals.quarterFactor);
    const base = { commercialId: ctx.commercial.sub, createdBy: ctx.actor.user.sub };
    await repository.create(ctx.tx, ctx.actor, {
      ...base,
      id: ctx.id('sales-target', 'month'),
      period: 'month',
      periodStart: `${year}-${month}-01`,
      ...goals.month,
    });
    await repository.create(ctx.tx, ctx.actor, {
      ...base,
      id: ctx.id('sales-target', 'quarter'),
      period: 'quarter',
      periodStart: `${year}-${quarterMonth}-01`,
      revenueTnd: times(goals.month.revenueTnd),
      marginTnd: times(goals.month.marginTnd),
      newClients: goals.month.newClients * goals.quarterFactor,
      quotesSent: goals.month.quotesSent * goals.quarterFactor,
    });
    return { targets: 2 };
  };
}
