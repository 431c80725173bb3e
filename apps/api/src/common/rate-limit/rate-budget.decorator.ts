import { SetMetadata } from '@nestjs/common';
import type { BudgetName } from './request-budgets.js';

export const RATE_BUDGET_KEY = 'velosi:rateBudget';

/**
 * A route that costs more than a read (PDF rendering) or is open to anyone (public links) spends
 * this budget too, on top of the user's or address's general one.
 */
export const RateBudget = (name: Exclude<BudgetName, 'ip' | 'user'>) => SetMetadata(RATE_BUDGET_KEY, name);
