import {
  type SUPPLIER_INVOICE_SORT_FIELDS,
  type SupplierInvoiceSummary,
  type VatBreakdownEntry,
} from '@velosi/contracts';
import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { isAdmin } from '../../auth/auth-user.js';
import { businessToday } from '../../common/business-day.js';
import { recordMeta } from '../../common/records/fields.js';
import type { RecordDefinition } from '../../common/records/repository.js';
import type { Visibility } from '../../common/records/visibility.js';
import { searchDocument } from '../../common/search/search.js';
import { supplierInvoices, type SupplierInvoiceRow } from './supplier-invoices.table.js';
import { recordSortColumns } from '../../common/records/list.js';

export type SupplierInvoiceSortField = (typeof SUPPLIER_INVOICE_SORT_FIELDS)[number];

/** Not paid and past its due date, as of today in Tunis. */
export function supplierOverdueCondition(today = businessToday()): SQL {
  return and(eq(supplierInvoices.paid, false), lt(supplierInvoices.dueDate, today)) as SQL;
}

/** What the row alone gives (and the audit log stores); the job numbers are read from the jobs. */
export type SupplierInvoiceHeader = Omit<SupplierInvoiceSummary, 'jobs'>;

export function toSupplierInvoiceSummary(row: SupplierInvoiceRow): SupplierInvoiceHeader {
  return {
    ...recordMeta(row),
    supplierCode: row.supplierCode,
    supplierName: row.supplierName,
    supplierTaxId: row.supplierTaxId,
    supplierNumber: row.supplierNumber,
    invoiceDate: row.invoiceDate,
    dueDate: row.dueDate,
    currency: row.currency,
    exchangeRate: row.exchangeRate,
    paid: row.paid,
    paidOn: row.paidOn,
    notes: row.notes,
    jobIds: row.jobIds,
    totals: {
      netTnd: row.netTnd,
      vatTnd: row.vatTnd,
      vatBreakdown: row.vatBreakdown as VatBreakdownEntry[],
      disbursementsTnd: row.disbursementsTnd,
      totalTnd: row.totalTnd,
      totalCurrency: row.totalCurrency,
    },
    overdue: !row.paid && row.dueDate !== null && row.dueDate < businessToday(),
  };
}

/**
 * ADMIN and FINANCE read and write every supplier invoice; OPERATIONS reads them (every one is
 * recorded against job lines, which operations follows on the job file). Readers never write.
 */
export const supplierInvoiceVisibility: Visibility = (user, mode) => {
  if (isAdmin(user) || user.roles.includes('FINANCE')) return undefined;
  if (mode === 'read' && user.roles.includes('OPERATIONS')) return undefined;
  return sql`false`;
};

export const supplierInvoiceRecords: RecordDefinition<
  typeof supplierInvoices,
  SupplierInvoiceHeader,
  SupplierInvoiceSortField
> = {
  entity: 'supplier_invoice',
  table: supplierInvoices,
  toApi: toSupplierInvoiceSummary,
  visibility: supplierInvoiceVisibility,
  sortColumns: {
    ...recordSortColumns(supplierInvoices),
    invoiceDate: supplierInvoices.invoiceDate,
    dueDate: supplierInvoices.dueDate,
    supplierName: supplierInvoices.supplierName,
    supplierNumber: supplierInvoices.supplierNumber,
    totalTnd: supplierInvoices.totalTnd,
  },
  defaultSort: { field: 'invoiceDate', direction: 'desc' },
  searchDocument: searchDocument([
    supplierInvoices.supplierName,
    supplierInvoices.supplierNumber,
    supplierInvoices.supplierCode,
  ]),
};
