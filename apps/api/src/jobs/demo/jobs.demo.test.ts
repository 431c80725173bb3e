import type { AttachmentList, JobDetail, JobPage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteAndJobSteps, seedTestDemo } from '../../../test/support/demo.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

describe.each(DATABASES)('demo jobs on %s', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
    const result = await seedTestDemo(sales, { steps: quoteAndJobSteps });
    expect(result).toMatchObject({ seeded: true, counts: { quotes: 17, jobs: 7 } });
  });
  afterAll(() => sales?.close());

  it('opens a job per accepted demo quote, in every status, with containers, milestones, costs and files', async () => {
    const page = (await sales.as.ops1.get<JobPage>('/api/jobs?sort=number:asc')).body;
    expect(page.items.map((j) => j.status).sort()).toEqual(
      ['arrived', 'booked', 'cancelled', 'closed', 'delivered', 'in_transit', 'open'].sort(),
    );
    const sea = page.items.find((j) => j.status === 'in_transit');
    const detail = (await sales.as.ops1.get<JobDetail>(`/api/jobs/${sea!.id}`)).body;
    expect(detail.containers).toHaveLength(2);
    expect(detail.atd).not.toBeNull();
    expect(Number(detail.profit.actual.costTnd)).toBeGreaterThan(0);
    expect(detail.carrierName).toBe('CMA CGM');
    // Its files download as what their content says they are.
    const files = await sales.as.ops1.get<AttachmentList>(`/api/jobs/${sea!.id}/attachments`);
    expect(files.body.items.map((f) => f.contentType).sort()).toEqual(['application/pdf', 'image/png']);
    const pdf = await sales.as.ops1.raw(`/api/jobs/${sea!.id}/attachments/${files.body.items[0]!.id}`);
    expect(pdf.status).toBe(200);
    // Each commercial reads the job of their own client only.
    expect((await sales.as.commercial1.get<JobPage>('/api/jobs')).body.total).toBe(4);
    expect((await sales.as.commercial2.get<JobPage>('/api/jobs')).body.total).toBe(3);
  });
});
