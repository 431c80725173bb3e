import {
  OPPORTUNITY_STAGES,
  type Opportunity,
  type OPPORTUNITY_SORT_FIELDS,
  type OpportunityStage,
  type OpportunityUpdate,
  type Traffic,
  type TransportMode,
} from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import { isoOrNull, moneyFromColumns, moneyToColumns, recordMeta } from '../common/records/fields.js';
import { enumOrder, recordSortColumns } from '../common/records/list.js';
import type { RecordDefinition } from '../common/records/repository.js';
import { assignedVisibility } from '../common/records/visibility.js';
import { opportunities, type OpportunityRow } from './opportunities.table.js';

export type OpportunitySortField = (typeof OPPORTUNITY_SORT_FIELDS)[number];

export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    ...recordMeta(row),
    title: row.title,
    leadId: row.leadId,
    clientId: row.clientId,
    value: moneyFromColumns(row.valueAmount, row.valueCurrency),
    probability: row.probability,
    stage: row.stage as OpportunityStage,
    expectedCloseDate: row.expectedCloseDate,
    origin: row.origin,
    destination: row.destination,
    transportType: row.transportType as TransportMode | null,
    traffic: row.traffic as Traffic | null,
    competitors: row.competitors,
    closeReason: row.closeReason,
    closedAt: isoOrNull(row.closedAt),
    assignedTo: row.assignedTo,
    // Set by a BEFORE trigger, so every row read or written (RETURNING) carries it.
    customerName: row.customerName ?? undefined,
  };
}

/** Contract fields → columns (`value` is two columns). */
export function opportunityColumns<T extends Pick<OpportunityUpdate, 'value'>>({ value, ...rest }: T) {
  return { ...rest, ...moneyToColumns('value', value) };
}

export const opportunityRecords: RecordDefinition<typeof opportunities, Opportunity, OpportunitySortField> = {
  entity: 'opportunity',
  table: opportunities,
  toApi: toOpportunity,
  visibility: assignedVisibility(opportunities.assignedTo),
  sortColumns: {
    ...recordSortColumns(opportunities),
    title: opportunities.title,
    stage: enumOrder(opportunities.stage, OPPORTUNITY_STAGES),
    probability: opportunities.probability,
    expectedCloseDate: opportunities.expectedCloseDate,
  },
  defaultSort: { field: 'updatedAt', direction: 'desc' },
  // Title, places and customer's name, normalised in a stored column with a trigram index.
  searchDocument: sql`${opportunities.searchDocument}`,
};
