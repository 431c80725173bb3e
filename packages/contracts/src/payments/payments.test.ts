import { describe, expect, it } from 'vitest';
import { PaymentCreateSchema } from './payments.js';

const valid = {
  clientId: '00000000-0000-4000-8000-000000000001',
  receivedOn: '2026-12-01',
  method: 'transfer',
  amount: '100',
  allocations: [{ invoiceId: '00000000-0000-4000-8000-000000000002', amount: '100' }],
};

describe('PaymentCreateSchema', () => {
  it('accepts a payment allocated within its amount', () => {
    expect(PaymentCreateSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses an amount that is not a decimal with issues, never an exception (fuzz: 500)', () => {
    for (const body of [
      { ...valid, amount: '55593af7-b079-3c85-986e-021c7db42105', allocations: [] },
      { ...valid, allocations: [{ invoiceId: valid.allocations[0]!.invoiceId, amount: '1e3' }] },
      { ...valid, allocations: [{ ...valid.allocations[0], withholdingAmount: 'x' }] },
    ]) {
      const result = PaymentCreateSchema.safeParse(body);
      expect(result.success).toBe(false);
      expect(result.error?.issues.length).toBeGreaterThan(0);
    }
  });

  it('still refuses allocations over the amount received', () => {
    const result = PaymentCreateSchema.safeParse({ ...valid, amount: '50' });
    expect(result.error?.issues.map((i) => i.message)).toContain(
      'allocations must not exceed the amount received',
    );
  });
});
