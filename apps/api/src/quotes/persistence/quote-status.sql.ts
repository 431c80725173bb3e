import type { QuoteStatus } from '@velosi/contracts';
import { and, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { businessToday } from '../../common/business-day.js';
import { quotes } from './quotes.table.js';

// The effective status rule of domain/quote-status.ts written in SQL, for the list filter and
// the dashboard's grouping.

/** The effective status of domain/quote-status.ts as an SQL value, to group by (the dashboard). */
export function effectiveStatusSql(today = businessToday()): SQL<string> {
  return sql<string>`(case when ${quotes.status} = 'sent' and ${quotes.validUntil} < ${today}::date
    then 'expired' else ${quotes.status} end)`;
}

/**
 * "Effective status is one of `statuses`" (the rule of domain/quote-status.ts) written on the
 * stored columns, so the (status, valid_until) index answers it: a CASE over the status would
 * make PostgreSQL read every quote (measured in bench/RESULTS.md).
 */
export function effectiveStatusIn(
  statuses: readonly QuoteStatus[],
  today = businessToday(),
): SQL | undefined {
  const stored = statuses.filter((s) => s !== 'sent' && s !== 'expired');
  return or(
    stored.length ? inArray(quotes.status, stored) : undefined,
    statuses.includes('sent') ? and(eq(quotes.status, 'sent'), gte(quotes.validUntil, today)) : undefined,
    statuses.includes('expired')
      ? or(eq(quotes.status, 'expired'), and(eq(quotes.status, 'sent'), lt(quotes.validUntil, today)))
      : undefined,
  );
}
