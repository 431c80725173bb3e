import {
  LEAD_STATUSES,
  LeadPrioritySchema,
  type AnnualVolume,
  type Lead,
  type LEAD_SORT_FIELDS,
  type LeadPriority,
  type LeadSource,
  type LeadStatus,
  type LeadUpdate,
  type Traffic,
  type TransportNeed,
} from '@velosi/contracts';
import { isoOrNull, moneyFromColumns, moneyToColumns, recordMeta } from '../common/records/fields.js';
import { enumOrder, recordSortColumns } from '../common/records/list.js';
import type { RecordDefinition } from '../common/records/repository.js';
import { searchDocument } from '../common/search/search.js';
import { assignedVisibility } from '../common/records/visibility.js';
import { leads, type LeadRow } from './leads.table.js';

export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];

export function toLead(row: LeadRow): Lead {
  return {
    ...recordMeta(row),
    fullName: row.fullName,
    company: row.company,
    email: row.email,
    phone: row.phone,
    industry: row.industry,
    source: row.source as LeadSource,
    status: row.status as LeadStatus,
    priority: row.priority as LeadPriority,
    transportNeeds: row.transportNeeds as TransportNeed[],
    traffic: row.traffic as Traffic | null,
    estimatedAnnualVolume:
      row.estimatedVolumeQuantity !== null && row.estimatedVolumeUnit !== null
        ? { quantity: row.estimatedVolumeQuantity, unit: row.estimatedVolumeUnit as AnnualVolume['unit'] }
        : null,
    estimatedAnnualValue: moneyFromColumns(row.estimatedValueAmount, row.estimatedValueCurrency),
    currentProvider: row.currentProvider,
    nextFollowUpDate: row.nextFollowUpDate,
    assignedTo: row.assignedTo,
    tags: row.tags,
    convertedAt: isoOrNull(row.convertedAt),
    convertedClientId: row.convertedClientId,
    convertedOpportunityId: row.convertedOpportunityId,
  };
}

/** Contract fields → columns, for a create body or the present keys of a PATCH body. */
export function leadColumns<T extends Pick<LeadUpdate, 'estimatedAnnualVolume' | 'estimatedAnnualValue'>>({
  estimatedAnnualVolume,
  estimatedAnnualValue,
  ...rest
}: T) {
  return {
    ...rest,
    ...(estimatedAnnualVolume === undefined
      ? {}
      : {
          estimatedVolumeQuantity: estimatedAnnualVolume?.quantity ?? null,
          estimatedVolumeUnit: estimatedAnnualVolume?.unit ?? null,
        }),
    ...moneyToColumns('estimatedValue', estimatedAnnualValue),
  };
}

export const leadRecords: RecordDefinition<typeof leads, Lead, LeadSortField> = {
  entity: 'lead',
  table: leads,
  toApi: toLead,
  visibility: assignedVisibility(leads.assignedTo),
  sortColumns: {
    ...recordSortColumns(leads),
    fullName: leads.fullName,
    company: leads.company,
    status: enumOrder(leads.status, LEAD_STATUSES),
    priority: enumOrder(leads.priority, LeadPrioritySchema.options),
    nextFollowUpDate: leads.nextFollowUpDate,
  },
  defaultSort: { field: 'updatedAt', direction: 'desc' },
  // Same expression as leads_search_idx (migration 0004).
  searchDocument: searchDocument([leads.fullName, leads.company, leads.email, leads.phone], [leads.tags]),
};
