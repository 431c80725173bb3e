import type { OpenInvoice, PaymentCreateInput, PaymentMethod } from '@velosi/contracts';
import { compareAmounts, subtractAmounts, sumAmounts } from '@velosi/contracts/invoice-math';

import { decimalInput, normalizeDecimal } from '../../../shared/forms/decimal';
import { AMOUNT_PATTERN, textOrNull } from '../../../shared/sales/form-problem';

/** One open invoice of the client as the dialog's allocation table holds it (decimals as typed). */
export interface AllocationValue {
  invoiceId: string;
  selected: boolean;
  amount: string;
  withholding: string;
}

/** The record dialog's whole value. */
export interface PaymentFormValue {
  clientId: string | null;
  receivedOn: string;
  method: PaymentMethod;
  bankReference: string;
  amount: string;
  currency: string;
  withholdingCertificateRef: string;
  notes: string;
  allocations: AllocationValue[];
}

/** Why one ticked allocation would be refused (the API checks the same in its transaction). */
export type AllocationIssue = 'decimal' | 'currency' | 'settlesNothing' | 'exceedsOpen';
/** Why the payment as a whole would be refused. */
export type PaymentIssue = 'noAllocation' | 'overAllocated' | 'certificateMissing';

/** A typed decimal in the contract's form, or null when it is not one ('' counts as 0). */
function amountOf(text: string): string | null {
  const value = normalizeDecimal(text);
  if (value === '') return '0';
  return AMOUNT_PATTERN.test(value) ? value : null;
}

/**
 * The allocation table of a client's open invoices, oldest due first: nothing ticked, except the
 * invoice the dialog was opened from, ticked for its whole open amount. Every amount this model puts
 * in an input is written the `lang` way (decimalInput: `2143,000` in French).
 */
export function allocationRows(
  invoices: readonly OpenInvoice[],
  prefillId: string | null,
  lang: string,
): AllocationValue[] {
  return [...invoices]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
    .map((invoice) => {
      const selected = invoice.invoiceId === prefillId;
      return {
        invoiceId: invoice.invoiceId,
        selected,
        amount: selected ? decimalInput(invoice.openAmount, lang) : '',
        withholding: '',
      };
    });
}

/**
 * What the pre-filled row takes when the amount received changes: that amount, up to the
 * invoice's open amount; null (leave the row as it is) while the amount is not a positive decimal.
 */
export function followReceived(
  received: string,
  invoice: Pick<OpenInvoice, 'openAmount'>,
  lang: string,
): string | null {
  const amount = amountOf(received);
  if (amount === null || compareAmounts(amount, '0') <= 0) return null;
  return decimalInput(compareAmounts(amount, invoice.openAmount) < 0 ? amount : invoice.openAmount, lang);
}

/** What is wrong with one ticked allocation, null when it would pass (or is not ticked). */
export function allocationIssue(
  row: AllocationValue,
  invoice: OpenInvoice | undefined,
  currency: string,
): AllocationIssue | null {
  if (!row.selected || !invoice) return null;
  const amount = amountOf(row.amount);
  const withholding = amountOf(row.withholding);
  if (amount === null || withholding === null) return 'decimal';
  // An invoice is settled in its own currency: a EUR invoice by a EUR payment.
  if (invoice.currency !== currency) return 'currency';
  const settled = sumAmounts([amount, withholding]);
  if (compareAmounts(settled, '0') <= 0) return 'settlesNothing';
  return compareAmounts(settled, invoice.openAmount) > 0 ? 'exceedsOpen' : null;
}

/** Cash and withholding tax of the ticked allocations (rows with a bad decimal count as 0). */
export function allocatedTotals(rows: readonly AllocationValue[]): { cash: string; withholding: string } {
  const ticked = rows.filter((row) => row.selected);
  return {
    cash: sumAmounts(ticked.map((row) => amountOf(row.amount) ?? '0')),
    withholding: sumAmounts(ticked.map((row) => amountOf(row.withholding) ?? '0')),
  };
}

/** The payment-level problems, in the order the dialog shows them. */
export function paymentIssues(value: PaymentFormValue): PaymentIssue[] {
  const issues: PaymentIssue[] = [];
  if (!value.allocations.some((row) => row.selected)) issues.push('noAllocation');
  const { cash, withholding } = allocatedTotals(value.allocations);
  const received = amountOf(value.amount);
  if (received !== null && compareAmounts(cash, received) > 0) issues.push('overAllocated');
  if (compareAmounts(withholding, '0') > 0 && value.withholdingCertificateRef.trim() === '') {
    issues.push('certificateMissing');
  }
  return issues;
}

/** What a payment that would be accepted still deserves a second look for, before it is recorded. */
export interface PaymentWarnings {
  /** Cash received and applied to no invoice (it stays on the receipt, not on any invoice). */
  unallocated: string | null;
  /** Ticked invoices issued after the day the money was received. */
  issuedAfterReceipt: readonly Pick<OpenInvoice, 'number' | 'invoiceDate'>[];
}

export function paymentWarnings(value: PaymentFormValue, invoices: readonly OpenInvoice[]): PaymentWarnings {
  const received = amountOf(value.amount);
  const left = received === null ? '0' : subtractAmounts(received, allocatedTotals(value.allocations).cash);
  const ticked = value.allocations.filter((row) => row.selected).map((row) => row.invoiceId);
  return {
    unallocated: compareAmounts(left, '0') > 0 ? left : null,
    issuedAfterReceipt: invoices.filter(
      (i) => ticked.includes(i.invoiceId) && value.receivedOn !== '' && i.invoiceDate > value.receivedOn,
    ),
  };
}

/**
 * Spreads the cash received over the open invoices in the payment's currency, oldest due first,
 * each up to its open amount less the withholding tax typed on it: what a cashier does with a
 * cheque covering several invoices. Invoices left with nothing are unticked.
 */
export function distribute(
  value: Pick<PaymentFormValue, 'amount' | 'currency' | 'allocations'>,
  invoices: readonly OpenInvoice[],
  lang: string,
): AllocationValue[] {
  let left = amountOf(value.amount) ?? '0';
  return value.allocations.map((row) => {
    const invoice = invoices.find((i) => i.invoiceId === row.invoiceId);
    const withholding = amountOf(row.withholding) ?? '0';
    if (!invoice || invoice.currency !== value.currency) return { ...row, selected: false, amount: '' };
    const room = subtractAmounts(invoice.openAmount, withholding);
    const take = compareAmounts(left, room) < 0 ? left : room;
    const applied = compareAmounts(take, '0') > 0 ? take : '0.000';
    left = subtractAmounts(left, applied);
    const settles = compareAmounts(applied, '0') > 0 || compareAmounts(withholding, '0') > 0;
    return { ...row, selected: settles, amount: settles ? decimalInput(applied, lang) : '' };
  });
}

/** `POST /api/payments` from the dialog's value (only ticked invoices; decimals normalised). */
export function paymentRequest(value: PaymentFormValue): PaymentCreateInput {
  return {
    clientId: value.clientId ?? '',
    receivedOn: value.receivedOn,
    method: value.method,
    bankReference: textOrNull(value.bankReference),
    amount: normalizeDecimal(value.amount),
    currency: value.currency,
    withholdingCertificateRef: textOrNull(value.withholdingCertificateRef),
    notes: textOrNull(value.notes),
    allocations: value.allocations
      .filter((row) => row.selected)
      .map((row) => ({
        invoiceId: row.invoiceId,
        amount: amountOf(row.amount) ?? normalizeDecimal(row.amount),
        withholdingAmount: amountOf(row.withholding) ?? normalizeDecimal(row.withholding),
      })),
  };
}
