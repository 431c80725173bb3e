import type { SalesPeriod, SalesPeriodQuery } from '@velosi/contracts';
import { isAdmin, type AuthUser } from '../auth/auth-user.js';
import { businessToday } from '../common/business-day.js';

/** The period asked for, defaults filled in: up to today, from the 1st of January of `to`'s year. */
export function resolvePeriod(
  query: Pick<SalesPeriodQuery, 'from' | 'to'>,
  today = businessToday(),
): SalesPeriod {
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  return { from: query.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/**
 * Whose figures: ADMIN chooses (`commercialId` or everyone); anyone else only ever their own,
 * whatever they ask — the list visibility applies in SQL on top of this.
 */
export function resolveCommercial(user: AuthUser, commercialId: string | undefined): string | null {
  if (isAdmin(user)) return commercialId ?? null;
  return user.roles.includes('COMMERCIAL') ? user.sub : null;
}

/** The 12 months (`YYYY-MM`) ending with `day`'s month, oldest first. */
export function twelveMonthsTo(day: string): string[] {
  const [year = 0, month = 1] = day.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 12 + i, 1));
    return date.toISOString().slice(0, 7);
  });
}
