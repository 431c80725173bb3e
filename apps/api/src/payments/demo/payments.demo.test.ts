import type { PaymentPage, ReceivablesPage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestDemo } from '../../../test/support/demo.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { InvoicesRepository } from '../../invoices/persistence/invoices.repository.js';
import { PaymentsService } from '../domain/payments.service.js';
import { paymentSeedStep } from './payments.demo.js';

describe.each(DATABASES)('demo invoices and payments on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
    const result = await seedTestDemo(sales, {
      steps: (get) => [paymentSeedStep(get(InvoicesRepository), get(PaymentsService))],
    });
    expect(result).toMatchObject({ seeded: true, counts: { invoices: 12, payments: 4 } });
  });
  afterAll(() => sales?.close());

  it('leaves each commercial an overdue client and a good payer, hand-checked', async () => {
    const page = (await sales.as.commercial1.get<ReceivablesPage>('/api/receivables?sort=overdueTnd:desc'))
      .body;
    // Overdue client: 2857.000 − 1000.000 paid, 95 days late; 2143.000, 45 days late.
    // Good payer: 1786.000 − 238.000 credited and 1072.000, not due; 3571.000 paid in full.
    expect(page.items.map((i) => [i.over90Tnd, i.days31to60Tnd, i.notDueTnd, i.balanceTnd])).toEqual([
      ['1857.000', '2143.000', '0.000', '4000.000'],
      ['0.000', '0.000', '2620.000', '2620.000'],
    ]);
    expect(page.totals.balanceTnd).toBe('6620.000');
    const all = (await sales.as.finance1.get<ReceivablesPage>('/api/receivables')).body;
    expect(all.totals.balanceTnd).toBe('13240.000');
    const payments = (await sales.as.finance1.get<PaymentPage>('/api/payments')).body;
    expect(payments.total).toBe(4);
    expect(payments.items.filter((p) => p.withholdingAmount === '53.565')).toHaveLength(2);
  });
});
