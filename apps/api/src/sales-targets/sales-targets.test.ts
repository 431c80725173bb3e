import {
  SalesTargetPageSchema,
  SalesTargetSchema,
  type SalesTarget,
  type SalesTargetPage,
} from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { seedSalesFigures } from '../../test/support/records/sales-figures.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

describe.each(DATABASES)('sales targets on %s', (target) => {
  let sales: SalesApi;
  let march: SalesTarget;
  const body = () => ({
    commercialId: sales.as.commercial1.sub,
    period: 'month',
    periodStart: '2026-03-01',
    revenueTnd: '3000',
    marginTnd: '500',
    newClients: 5,
    quotesSent: 4,
  });

  beforeAll(async () => {
    sales = await startSalesApi(target);
    await seedSalesFigures(sales);
  });
  afterAll(() => sales?.close());

  it('ADMIN sets a target; its progress is computed from the data', async () => {
    const res = await sales.as.admin.post<SalesTarget>('/api/sales-targets', body());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    march = SalesTargetSchema.parse(res.body);
    expect(march).toMatchObject({
      commercialId: sales.as.commercial1.sub,
      period: 'month',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      revenueTnd: '3000.000',
      marginTnd: '500.000',
      newClients: 5,
      quotesSent: 4,
      version: 1,
      // Accepted in March: 1000 + 500 (margin 200 + 50); clients A and B; Q1, Q2, Q4, Q6 sent.
      progress: { revenueTnd: '1500.000', marginTnd: '250.000', newClients: 2, quotesSent: 4 },
    });
    const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'sales_target'), eq(auditLog.entityId, march.id)));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('a quarter and a year count the same data over their own period', async () => {
    const quarter = await sales.as.admin.post<SalesTarget>('/api/sales-targets', {
      ...body(),
      period: 'quarter',
      periodStart: '2026-01-01',
    });
    expect(quarter.status).toBe(201);
    // Q1 2026 adds Q3 (accepted 15 February: 2000, margin 500; sent 3 February).
    expect(quarter.body.progress).toEqual({
      revenueTnd: '3500.000',
      marginTnd: '750.000',
      newClients: 2,
      quotesSent: 5,
    });
    expect(quarter.body.periodEnd).toBe('2026-03-31');
  });

  it('refuses what is not a target', async () => {
    const admin = sales.as.admin;
    expect((await admin.post('/api/sales-targets', body())).status).toBe(409);
    expect((await admin.post('/api/sales-targets', { ...body(), periodStart: '2026-03-02' })).status).toBe(
      400,
    );
    const badQuarter = { ...body(), period: 'quarter', periodStart: '2026-02-01' };
    expect((await admin.post('/api/sales-targets', badQuarter)).status).toBe(400);
    expect((await admin.post('/api/sales-targets', { ...body(), commercialId: 'nobody' })).status).toBe(400);
    expect((await admin.post('/api/sales-targets', { ...body(), revenueTnd: '-1' })).status).toBe(400);
    expect((await admin.post('/api/sales-targets', { ...body(), extra: 1 })).status).toBe(400);
  });

  it('only ADMIN writes; a commercial reads their own targets, others answer 404', async () => {
    const c1 = sales.as.commercial1;
    const c2 = sales.as.commercial2;
    expect((await c1.post('/api/sales-targets', body())).status).toBe(403);
    expect((await c1.patch(`/api/sales-targets/${march.id}`, { version: 1, revenueTnd: '1' })).status).toBe(
      403,
    );
    expect((await sales.as.ops1.get('/api/sales-targets')).status).toBe(403);
    const mine = SalesTargetPageSchema.parse((await c1.get<SalesTargetPage>('/api/sales-targets')).body);
    expect(mine.items.map((t) => t.commercialId)).toEqual([c1.sub, c1.sub]);
    expect((await c1.get(`/api/sales-targets/${march.id}`)).status).toBe(200);
    expect((await c2.get(`/api/sales-targets/${march.id}`)).status).toBe(404);
    expect((await c2.get<SalesTargetPage>('/api/sales-targets')).body.total).toBe(0);
    const active = await c1.get<SalesTargetPage>('/api/sales-targets?activeOn=2026-03-15&period=month');
    expect(active.body.items.map((t) => t.id)).toEqual([march.id]);
    expect((await c1.get<SalesTargetPage>('/api/sales-targets?activeOn=2026-04-01')).body.total).toBe(0);
  });

  it('edits carry the version; archive frees the period', async () => {
    const admin = sales.as.admin;
    const edited = await admin.patch<SalesTarget>(`/api/sales-targets/${march.id}`, {
      version: 1,
      revenueTnd: '4000',
      quotesSent: null,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 2,
      revenueTnd: '4000.000',
      quotesSent: null,
      newClients: 5,
    });
    expect((await admin.patch(`/api/sales-targets/${march.id}`, { version: 1, marginTnd: '1' })).status).toBe(
      409,
    );
    expect((await admin.post(`/api/sales-targets/${march.id}/archive`, { version: 2 })).status).toBe(200);
    const again = await admin.post<SalesTarget>('/api/sales-targets', body());
    expect(again.status).toBe(201);
    // Restoring the archived one would make two live targets for March: refused.
    expect((await admin.post(`/api/sales-targets/${march.id}/restore`, { version: 3 })).status).toBe(409);
  });
});
