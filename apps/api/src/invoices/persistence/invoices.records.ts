import {
  INVOICE_STATUSES,
  type DocumentLanguage,
  type INVOICE_SORT_FIELDS,
  type InvoiceKind,
  type InvoiceLine,
  type InvoiceStatus,
  type InvoiceSummary,
  type VatBreakdownEntry,
} from '@velosi/contracts';
import { arrayContains, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { isAdmin } from '../../auth/auth-user.js';
import { clients } from '../../clients/clients.table.js';
import { businessToday } from '../../common/business-day.js';
import { isoOrNull, pricedLineFields, recordMeta } from '../../common/records/fields.js';
import { enumOrder, recordSortColumns } from '../../common/records/list.js';
import type { RecordDefinition } from '../../common/records/repository.js';
import type { Visibility } from '../../common/records/visibility.js';
import { searchDocument } from '../../common/search/search.js';
import { settlementOf } from './invoice-settlement.js';
import { invoices, type InvoiceLineRow, type InvoiceRow } from './invoices.table.js';

export type InvoiceSortField = (typeof INVOICE_SORT_FIELDS)[number];

/** What the invoice row alone gives (and the audit log stores); the job number is read from the job. */
export type InvoiceHeader = Omit<InvoiceSummary, 'jobNumber'>;

export function toInvoiceSummary(row: InvoiceRow): InvoiceHeader {
  const settled = settlementOf(row, businessToday());
  return {
    ...recordMeta(row),
    kind: row.kind as InvoiceKind,
    status: row.status as InvoiceStatus,
    number: row.number,
    clientId: row.clientId,
    clientName: row.buyerName ?? '',
    jobId: row.jobId,
    creditedInvoiceId: row.creditedInvoiceId,
    invoiceDate: row.invoiceDate,
    dueDate: row.dueDate,
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    language: row.language as DocumentLanguage,
    vatRegime: row.vatRegime as InvoiceHeader['vatRegime'],
    vatSuspension:
      row.vatSuspensionNumber && row.vatSuspensionIssuedOn && row.vatSuspensionExpiresOn
        ? {
            number: row.vatSuspensionNumber,
            issuedOn: row.vatSuspensionIssuedOn,
            expiresOn: row.vatSuspensionExpiresOn,
          }
        : null,
    customerReference: row.customerReference,
    notes: row.notes,
    totals: {
      netTnd: row.netTnd,
      vatTnd: row.vatTnd,
      vatBreakdown: row.vatBreakdown as VatBreakdownEntry[],
      disbursementsTnd: row.disbursementsTnd,
      stampDutyTnd: row.stampDutyTnd,
      totalTnd: row.totalTnd,
      totalCurrency: row.totalCurrency,
    },
    issuedAt: isoOrNull(row.issuedAt),
    sentAt: isoOrNull(row.sentAt),
    ...settled,
    overdue: settled.paymentStatus === 'overdue',
  };
}

export function toInvoiceLine(row: InvoiceLineRow): InvoiceLine {
  return {
    id: row.id,
    position: row.position,
    chargeTypeCode: row.chargeTypeCode,
    description: row.description,
    ...pricedLineFields(row),
    isDisbursement: row.isDisbursement,
    amountTnd: row.amountTnd,
    vatTnd: row.vatTnd,
    jobChargeId: row.jobChargeId,
    creditedLineId: row.creditedLineId,
  };
}

/**
 * ADMIN and FINANCE read and write every invoice. Readers: a COMMERCIAL the invoices of the
 * clients assigned to them; OPERATIONS those of jobs (their status on the job file). Nobody else
 * writes: the write mode of a reader matches no row.
 */
export const invoiceVisibility: Visibility = (user, mode) => {
  if (isAdmin(user) || user.roles.includes('FINANCE')) return undefined;
  if (mode === 'write') return sql`false`;
  const scopes: SQL[] = [];
  if (user.roles.includes('COMMERCIAL')) {
    scopes.push(sql`exists (select 1 from ${clients} where ${clients.id} = ${invoices.clientId}
      and ${arrayContains(clients.assignedTo, [user.sub])})`);
  }
  if (user.roles.includes('OPERATIONS')) scopes.push(isNotNull(invoices.jobId));
  return scopes.length > 0 ? or(...scopes) : sql`false`;
};

export const invoiceRecords: RecordDefinition<typeof invoices, InvoiceHeader, InvoiceSortField> = {
  entity: 'invoice',
  table: invoices,
  toApi: toInvoiceSummary,
  visibility: invoiceVisibility,
  sortColumns: {
    ...recordSortColumns(invoices),
    number: invoices.number,
    invoiceDate: invoices.invoiceDate,
    dueDate: invoices.dueDate,
    totalTnd: invoices.totalTnd,
    status: enumOrder(invoices.status, INVOICE_STATUSES),
  },
  defaultSort: { field: 'createdAt', direction: 'desc' },
  searchDocument: searchDocument([invoices.number, invoices.buyerName, invoices.customerReference]),
};
