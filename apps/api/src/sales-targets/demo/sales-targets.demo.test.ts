import type { Dashboard, SalesTargetPage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestDemo } from '../../../test/support/demo.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { SalesTargetsRepository } from '../sales-targets.repository.js';
import { salesTargetSeedStep } from './sales-targets.demo.js';

describe.each(DATABASES)('demo sales targets on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
    const result = await seedTestDemo(sales, {
      steps: (get) => [salesTargetSeedStep(get(SalesTargetsRepository))],
    });
    expect(result).toMatchObject({ seeded: true, counts: { targets: 4 } });
  });
  afterAll(() => sales?.close());

  it("gives each commercial this month's and this quarter's targets, shown on their dashboard", async () => {
    const c1 = sales.as.commercial1;
    const page = (await c1.get<SalesTargetPage>('/api/sales-targets')).body;
    expect(page.items.map((t) => t.period).sort()).toEqual(['month', 'quarter']);
    expect(page.items.every((t) => t.commercialId === c1.sub)).toBe(true);
    const dashboard = (await c1.get<Dashboard>('/api/dashboard')).body;
    expect(dashboard.sales?.targets.map((t) => t.period).sort()).toEqual(['month', 'quarter']);
  });
});
