import {
  TimelinePageSchema,
  type Lead,
  type LeadConversion,
  type Opportunity,
  type TimelinePage,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

type AuditItem = Extract<TimelinePage['items'][number], { kind: 'audit' }>;

describe.each(DATABASES)('history in words on %s', (target) => {
  let sales: SalesApi;
  const audits = async (path: string): Promise<AuditItem[]> => {
    const res = await sales.as.admin.get<TimelinePage>(`${path}/timeline`);
    expect(res.status).toBe(200);
    return TimelinePageSchema.parse(res.body).items.filter((i): i is AuditItem => i.kind === 'audit');
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  it('names the client a lead was converted into, and who did it', async () => {
    const lead = (
      await sales.as.commercial1.post<Lead>('/api/leads', {
        fullName: 'Nadia Gharbi',
        company: 'Céramiques du Sahel',
      })
    ).body;
    const converted = await sales.as.commercial1.post<LeadConversion>(`/api/leads/${lead.id}/convert`, {
      version: 1,
    });
    expect(converted.status).toBe(200);
    const clientId = converted.body.client.id;
    const [convert] = (await audits(`/api/leads/${lead.id}`)).filter((a) => a.action === 'convert');
    expect(convert?.changes).toContainEqual({ field: 'convertedClientId', before: null, after: clientId });
    expect(convert?.names?.[clientId]).toBe('Céramiques du Sahel');
    expect(convert?.names?.[sales.as.commercial1.sub]).toBeTruthy();
    expect(convert?.names?.[sales.as.commercial1.sub]).not.toBe(sales.as.commercial1.sub);
  });

  it('names the assignees of a reassignment instead of their ids', async () => {
    const lead = (await sales.as.admin.post<Lead>('/api/leads', { fullName: 'Karim Jaziri' })).body;
    const created = await sales.as.admin.post<Opportunity>('/api/opportunities', {
      title: 'Reassigned deal',
      leadId: lead.id,
      assignedTo: [sales.as.commercial1.sub],
    });
    expect(created.status).toBe(201);
    const moved = await sales.as.admin.patch(`/api/opportunities/${created.body.id}`, {
      version: 1,
      assignedTo: [sales.as.commercial2.sub],
    });
    expect(moved.status).toBe(200);
    const [update] = (await audits(`/api/opportunities/${created.body.id}`)).filter(
      (a) => a.action === 'update',
    );
    expect(update?.changes).toContainEqual({
      field: 'assignedTo',
      before: [sales.as.commercial1.sub],
      after: [sales.as.commercial2.sub],
    });
    for (const who of [sales.as.commercial1.sub, sales.as.commercial2.sub, sales.as.admin.sub]) {
      expect(update?.names?.[who]).toMatch(/\S/);
    }
  });
});
