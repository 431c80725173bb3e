import type { JobPage, JobProfitBreakdown, SupplierInvoicePage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteAndJobSteps, seedTestDemo } from '../../../test/support/demo.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { SupplierInvoicesRepository } from '../persistence/supplier-invoices.repository.js';
import { supplierInvoiceSeedStep } from './supplier-invoices.demo.js';

describe.each(DATABASES)('demo supplier invoices on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
    const result = await seedTestDemo(sales, {
      steps: (get) => [...quoteAndJobSteps(get), supplierInvoiceSeedStep(get(SupplierInvoicesRepository))],
    });
    expect(result).toMatchObject({ seeded: true, counts: { jobs: 7, supplierInvoices: 2 } });
  });
  afterAll(() => sales?.close());

  it("records the carrier's invoice of two delivered jobs; the closed one is paid and fully invoiced", async () => {
    const list = (await sales.as.finance1.get<SupplierInvoicePage>('/api/supplier-invoices')).body;
    expect(list.items.map((i) => [i.supplierNumber, i.paid, i.totals.totalTnd]).sort()).toEqual([
      // 1 × 1480 EUR × 3.35 = 4958.000 ; 1 × 2150 EUR × 3.35 = 7202.500 (freight at 0 %).
      ['CMA-TN-26-18842', true, '4958.000'],
      ['TML-2026-0412', false, '7202.500'],
    ]);
    const closed = (await sales.as.ops1.get<JobPage>('/api/jobs?status=closed')).body.items[0]!;
    const profit = (await sales.as.ops1.get<JobProfitBreakdown>(`/api/jobs/${closed.id}/profit`)).body;
    expect(profit.actual.costTnd).toBe('4958.000');
    expect(profit.invoiced.costTnd).toBe('4958.000');
    expect(profit.costLinesUninvoiced).toBe(0);
  });
});
