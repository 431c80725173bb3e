import { PaymentSchema, sumAmounts, type Invoice, type Payment } from '@velosi/contracts';
import { expect } from 'vitest';
import { businessToday } from '../../../src/common/business-day.js';
import { created, issue } from './invoices.js';
import type { UserClient } from '../sales.js';

/**
 * An issued TND invoice of one line: net `unitPrice`, VAT 19 %, stamp duty 1.000 — 1000.000
 * gives 1000 + 190 + 1 = 1191.000.
 */
export async function issuedInvoice(
  finance: UserClient,
  clientId: string,
  unitPrice = '1000.000',
): Promise<Invoice> {
  const draft = await created(
    finance.post('/api/invoices', {
      clientId,
      lines: [{ description: 'Transit Radès', quantity: '1', unitPrice, vatRate: 19 }],
    }),
  );
  return issue(finance, draft);
}

export async function invoiceOf(user: UserClient, id: string): Promise<Invoice> {
  const res = await user.get<Invoice>(`/api/invoices/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** POST /api/payments answering the raw response (status checked by the caller). */
export function pay(
  user: UserClient,
  clientId: string,
  allocations: { invoiceId: string; amount: string; withholdingAmount?: string }[],
  extra: Record<string, unknown> = {},
) {
  // Default: exactly the cash allocated.
  const amount = sumAmounts(allocations.map((a) => a.amount));
  return user.post<Payment>('/api/payments', {
    clientId,
    receivedOn: businessToday(),
    method: 'transfer',
    bankReference: 'VIR-BIAT-0001',
    amount,
    allocations,
    ...extra,
  });
}

export async function paid(res: Promise<{ status: number; body: unknown }>, status = 201): Promise<Payment> {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return PaymentSchema.parse(answer.body);
}
