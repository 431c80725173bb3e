import {
  addDaysToIsoDate,
  type SALES_TARGET_SORT_FIELDS,
  type SalesTarget,
  type SalesTargetPeriod,
} from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import { isAdmin } from '../auth/auth-user.js';
import { recordMeta } from '../common/records/fields.js';
import type { RecordDefinition } from '../common/records/repository.js';
import { searchDocument } from '../common/search/search.js';
import { salesTargets, type SalesTargetRow } from './sales-targets.table.js';
import { recordSortColumns } from '../common/records/list.js';

export type SalesTargetSortField = (typeof SALES_TARGET_SORT_FIELDS)[number];
/** The stored target; `progress` is added by the service from the data. */
export type SalesTargetHeader = Omit<SalesTarget, 'progress'>;

const MONTHS: Record<SalesTargetPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** Last day of a period starting on `start` (a first day of month, validated by the contract). */
export function periodEndOf(period: SalesTargetPeriod, start: string): string {
  const [year = 0, month = 1] = start.split('-').map(Number);
  const next = new Date(Date.UTC(year, month - 1 + MONTHS[period], 1));
  return addDaysToIsoDate(next.toISOString().slice(0, 10), -1);
}

export function toSalesTarget(row: SalesTargetRow): SalesTargetHeader {
  const period = row.period as SalesTargetPeriod;
  return {
    ...recordMeta(row),
    commercialId: row.commercialId,
    period,
    periodStart: row.periodStart,
    periodEnd: periodEndOf(period, row.periodStart),
    revenueTnd: row.revenueTnd,
    marginTnd: row.marginTnd,
    newClients: row.newClients,
    quotesSent: row.quotesSent,
  };
}

export const salesTargetRecords: RecordDefinition<
  typeof salesTargets,
  SalesTargetHeader,
  SalesTargetSortField
> = {
  entity: 'sales_target',
  table: salesTargets,
  toApi: toSalesTarget,
  // ADMIN sets and reads every target; anyone else reads their own (writes need targets:write).
  visibility: (user) => (isAdmin(user) ? undefined : eq(salesTargets.commercialId, user.sub)),
  sortColumns: {
    ...recordSortColumns(salesTargets),
    periodStart: salesTargets.periodStart,
  },
  defaultSort: { field: 'periodStart', direction: 'desc' },
  searchDocument: searchDocument([salesTargets.commercialId, salesTargets.period]),
};
