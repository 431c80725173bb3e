import type { PAYMENT_SORT_FIELDS, PaymentMethod, PaymentStatus, PaymentSummary } from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import { isAdmin } from '../../auth/auth-user.js';
import { isoOrNull, recordMeta } from '../../common/records/fields.js';
import type { RecordDefinition } from '../../common/records/repository.js';
import type { Visibility } from '../../common/records/visibility.js';
import { searchDocument } from '../../common/search/search.js';
import { subtractAmounts } from '@velosi/contracts';
import { payments, type PaymentRow } from './payments.table.js';
import { recordSortColumns } from '../../common/records/list.js';

export type PaymentSortField = (typeof PAYMENT_SORT_FIELDS)[number];

export function toPaymentSummary(row: PaymentRow): PaymentSummary {
  return {
    ...recordMeta(row),
    number: row.number,
    clientId: row.clientId,
    clientName: row.clientName,
    receivedOn: row.receivedOn,
    method: row.method as PaymentMethod,
    bankReference: row.bankReference,
    amount: row.amount,
    currency: row.currency,
    allocatedAmount: row.allocatedAmount,
    unallocatedAmount: subtractAmounts(row.amount, row.allocatedAmount),
    withholdingAmount: row.withholdingAmount,
    withholdingCertificateRef: row.withholdingCertificateRef,
    notes: row.notes,
    status: row.status as PaymentStatus,
    reversedAt: isoOrNull(row.reversedAt),
    reversedBy: row.reversedBy,
    reversalReason: row.reversalReason,
  };
}

/** Payments are FINANCE's and ADMIN's (the routes' permissions); nobody else matches a row. */
export const paymentVisibility: Visibility = (user) =>
  isAdmin(user) || user.roles.includes('FINANCE') ? undefined : sql`false`;

export const paymentRecords: RecordDefinition<typeof payments, PaymentSummary, PaymentSortField> = {
  entity: 'payment',
  table: payments,
  toApi: toPaymentSummary,
  visibility: paymentVisibility,
  sortColumns: {
    ...recordSortColumns(payments),
    number: payments.number,
    receivedOn: payments.receivedOn,
    amount: payments.amount,
  },
  defaultSort: { field: 'receivedOn', direction: 'desc' },
  searchDocument: searchDocument([payments.number, payments.clientName, payments.bankReference]),
};
