import type {
  Activity,
  ACTIVITY_SORT_FIELDS,
  ActivityCreate,
  ActivityStatus,
  ActivityType,
} from '@velosi/contracts';
import { OPEN_ACTIVITY_STATUSES } from '@velosi/contracts';
import { and, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { clientRecords } from '../clients/clients.records.js';
import { isoOrNull, recordMeta } from '../common/records/fields.js';
import type { LinkTarget } from '../common/records/links.js';
import { searchDocument } from '../common/search/search.js';
import type { RecordDefinition } from '../common/records/repository.js';
import { assignedVisibility } from '../common/records/visibility.js';
import { leadRecords } from '../leads/leads.records.js';
import { opportunityRecords } from '../opportunities/opportunities.records.js';
import { quoteRecords } from '../quotes/persistence/quotes.records.js';
import { activities, type ActivityRow } from './activities.table.js';
import { recordSortColumns } from '../common/records/list.js';

export type ActivitySortField = (typeof ACTIVITY_SORT_FIELDS)[number];

/** The four possible parents of an activity (contract field names). */
export type ActivityLinkKey = 'leadId' | 'opportunityId' | 'quoteId' | 'clientId';

export function toActivity(row: ActivityRow): Activity {
  return {
    ...recordMeta(row),
    type: row.type as ActivityType,
    subject: row.subject,
    description: row.description,
    outcome: row.outcome,
    status: row.status as ActivityStatus,
    dueAt: isoOrNull(row.dueAt),
    doneAt: isoOrNull(row.doneAt),
    reminderAt: isoOrNull(row.reminderAt),
    assignedTo: row.assignedTo,
    leadId: row.leadId,
    opportunityId: row.opportunityId,
    quoteId: row.quoteId,
    clientId: row.clientId,
  };
}

/** Timestamps arrive as ISO strings; the columns take Dates. */
export function activityColumns<T extends Partial<Pick<ActivityCreate, 'dueAt' | 'doneAt' | 'reminderAt'>>>({
  dueAt,
  doneAt,
  reminderAt,
  ...rest
}: T) {
  const toDate = (value: string | null | undefined) => (value == null ? value : new Date(value));
  return { ...rest, dueAt: toDate(dueAt), doneAt: toDate(doneAt), reminderAt: toDate(reminderAt) };
}

/**
 * Open (scheduled/postponed) and due before now — the SQL twin of `isActivityOverdue` in the
 * contracts. `now()` is the database clock, the same for every API instance.
 */
export const overdueCondition: SQL = and(
  inArray(activities.status, [...OPEN_ACTIVITY_STATUSES]),
  isNotNull(activities.dueAt),
  lt(activities.dueAt, sql`now()`),
) as SQL;

export const activityRecords: RecordDefinition<typeof activities, Activity, ActivitySortField> = {
  entity: 'activity',
  table: activities,
  toApi: toActivity,
  // Activities carry their own assignment: a plain indexed WHERE, no join to the linked record.
  visibility: assignedVisibility(activities.assignedTo),
  sortColumns: {
    ...recordSortColumns(activities),
    dueAt: activities.dueAt,
    type: activities.type,
    status: activities.status,
    subject: activities.subject,
  },
  defaultSort: { field: 'dueAt', direction: 'asc' },
  searchDocument: searchDocument([activities.subject, activities.description, activities.outcome]),
};

/** The records an activity may be linked to. */
export const ACTIVITY_LINK_TARGETS: Partial<Record<ActivityLinkKey, LinkTarget>> = {
  leadId: leadRecords,
  opportunityId: opportunityRecords,
  quoteId: quoteRecords,
  clientId: clientRecords,
};
