import {
  QUOTE_STATUSES,
  type ContainerRequirement,
  type Quote,
  type QuoteNames,
  type QUOTE_SORT_FIELDS,
  type QuoteLine,
  type QuoteLineKind,
  type QuoteLineUnit,
  type QuoteTotals,
  type QuoteTransportDetails,
  type QuoteUpdate,
  type VatBreakdownEntry,
  type VatRate,
} from '@velosi/contracts';
import { eq, sql } from 'drizzle-orm';
import { isoOrNull, recordMeta } from '../../common/records/fields.js';
import { enumOrder, recordSortColumns } from '../../common/records/list.js';
import type { RecordDefinition } from '../../common/records/repository.js';
import { assignedVisibility } from '../../common/records/visibility.js';
import { effectiveStatus } from '../domain/quote-status.js';
import { quotes, type QuoteLineRow, type QuoteRow } from './quotes.table.js';
import { routePointColumns, toShipmentCargo, toShipmentRoute } from './shipment.records.js';

export type QuoteSortField = (typeof QUOTE_SORT_FIELDS)[number];
/** A quote without its lines: what the generic repository reads, lists and audits. */
/** What the quote row alone gives: no lines, no names of linked records (QuotesRepository adds them). */
export type QuoteHeader = Omit<Quote, 'items' | keyof QuoteNames>;

function totalsOf(row: QuoteRow): QuoteTotals {
  return {
    buyTnd: row.buyTnd,
    sellTnd: row.sellTnd,
    marginTnd: row.marginTnd,
    marginPercent: row.marginPercent,
    vatTnd: row.vatTnd,
    vatBreakdown: row.vatBreakdown as VatBreakdownEntry[],
    disbursementsTnd: row.disbursementsTnd,
    stampDutyTnd: row.stampDutyTnd,
    totalTnd: row.totalTnd,
    quoteCurrency:
      row.totalQuoteCurrency !== null && row.exchangeRate !== null
        ? { currency: row.currency, exchangeRate: row.exchangeRate, totalAmount: row.totalQuoteCurrency }
        : null,
  };
}

export function toQuoteHeader(row: QuoteRow): QuoteHeader {
  return {
    ...recordMeta(row),
    number: row.number,
    revision: row.revision,
    revisedFromId: row.revisedFromId,
    clientId: row.clientId,
    leadId: row.leadId,
    contactId: row.contactId,
    opportunityId: row.opportunityId,
    title: row.title,
    ...toShipmentRoute(row),
    carrierCode: row.carrierCode,
    ...toShipmentCargo(row),
    containers: row.containers as ContainerRequirement[],
    transitTimeDays: row.transitTimeDays,
    validUntil: row.validUntil,
    paymentTerms: row.paymentTerms,
    conditions: row.conditions,
    internalNotes: row.internalNotes,
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    stampDutyApplies: row.stampDutyApplies,
    assignedTo: row.assignedTo,
    status: effectiveStatus(row.status, row.validUntil),
    sentAt: isoOrNull(row.sentAt),
    decidedAt: isoOrNull(row.decidedAt),
    statusReason: row.statusReason,
    transport: row.transport as QuoteTransportDetails | null,
    customerReference: row.customerReference,
    totals: totalsOf(row),
  };
}

export function toQuoteLine(row: QuoteLineRow): QuoteLine {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind as QuoteLineKind,
    description: row.description,
    chargeTypeCode: row.chargeTypeCode,
    quantity: row.quantity,
    unit: row.unit as QuoteLineUnit,
    buyUnitPrice: row.buyUnitPrice,
    sellUnitPrice: row.sellUnitPrice,
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    vatRate: row.vatRate as VatRate,
    isDisbursement: row.isDisbursement,
    buyTotalTnd: row.buyTotalTnd,
    sellTotalTnd: row.sellTotalTnd,
    marginTnd: row.marginTnd,
    marginPercent: row.marginPercent,
    vatTnd: row.vatTnd,
  };
}

/** Header fields of a create body or of the present keys of a PATCH body → columns. */
export function quoteHeaderColumns<T extends Omit<QuoteUpdate, 'version'>>({
  origin,
  destination,
  items: _items,
  ...rest
}: T) {
  return {
    ...rest,
    ...routePointColumns({ origin, destination }),
  };
}

/**
 * Every role with `quotes:read` reaches the quote routes; WHICH quotes is decided here, in the
 * WHERE: COMMERCIAL the quotes assigned to them; ADMIN and FINANCE all; OPERATIONS accepted ones
 * only — the hand-over to operations.
 */
export const quoteVisibility = assignedVisibility(quotes.assignedTo, {
  FINANCE: true,
  OPERATIONS: eq(quotes.status, 'accepted'),
});

export const quoteRecords: RecordDefinition<typeof quotes, QuoteHeader, QuoteSortField> = {
  entity: 'quote',
  table: quotes,
  toApi: toQuoteHeader,
  visibility: quoteVisibility,
  sortColumns: {
    ...recordSortColumns(quotes),
    // Fixed-width numbers sort as text: Q2026-00042 < Q2026-00042-v2 < Q2026-00043.
    number: quotes.number,
    title: quotes.title,
    status: enumOrder(quotes.status, QUOTE_STATUSES),
    validUntil: quotes.validUntil,
  },
  defaultSort: { field: 'number', direction: 'desc' },
  // Number, title and customer's name, normalised in a stored column with a trigram index.
  searchDocument: sql`${quotes.searchDocument}`,
};
