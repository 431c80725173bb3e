import type { PaymentMethod, PaymentStatus, PaymentSummary } from '@velosi/contracts';

export { isZero, todayIso } from '../invoices/invoice-options';

/** The contract's methods (zod-free copy checked against the type: list bundles skip zod). */
export const PAYMENT_METHODS = [
  'transfer',
  'cheque',
  'cash',
  'bill_of_exchange',
] as const satisfies readonly PaymentMethod[];

export const PAYMENT_STATUSES = ['recorded', 'reversed'] as const satisfies readonly PaymentStatus[];

/** Chip colour class (payments.scss): a reversed receipt stands out. */
export function paymentStatusClass(payment: Pick<PaymentSummary, 'status'>): string {
  return `status-${payment.status}`;
}
