import {
  TimelinePageSchema,
  type Activity,
  type Client,
  type Lead,
  type TimelinePage,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

const DAY = 86_400_000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const describeItem = (item: TimelinePage['items'][number]) =>
  item.kind === 'activity' ? `activity:${item.activity.subject}` : `audit:${item.action}`;

describe.each(DATABASES)('record timelines on %s', (target) => {
  let sales: SalesApi;
  let lead: Lead;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    lead = (await sales.as.commercial1.post<Lead>('/api/leads', { fullName: 'Timeline Lead' })).body;
    const post = (body: Record<string, unknown>) =>
      sales.as.commercial1.post<Activity>('/api/activities', { leadId: lead.id, type: 'call', ...body });
    await post({ subject: 'Called last week', status: 'completed', doneAt: at(-7), dueAt: at(-8) });
    await post({ subject: 'Meeting next week', type: 'meeting', dueAt: at(7) });
    // Assigned to admin only (a commercial cannot assign away from themselves, so admin writes it):
    // commercial1 cannot open it, yet whoever sees the lead sees it here.
    await sales.as.admin.post<Activity>('/api/activities', {
      leadId: lead.id,
      subject: 'Admin task yesterday',
      type: 'task',
      dueAt: at(-1),
      assignedTo: [sales.as.admin.sub],
    });
    await sales.as.commercial1.patch(`/api/leads/${lead.id}`, {
      version: 1,
      priority: 'high',
      tags: ['vip'],
    });
  });
  afterAll(() => sales?.close());

  it('merges activities and audit entries newest first, with field changes, paged', async () => {
    const res = await sales.as.commercial1.get<TimelinePage>(`/api/leads/${lead.id}/timeline`);
    expect(res.status).toBe(200);
    const page = TimelinePageSchema.parse(res.body);
    expect(page.total).toBe(5);
    expect(page.items.map(describeItem)).toEqual([
      'activity:Meeting next week',
      'audit:update',
      'audit:create',
      'activity:Admin task yesterday',
      'activity:Called last week',
    ]);
    const update = page.items[1];
    expect(update).toMatchObject({ kind: 'audit', actor: sales.as.commercial1.sub });
    expect(update?.kind === 'audit' && update.changes).toEqual([
      { field: 'priority', before: 'medium', after: 'high' },
      { field: 'tags', before: [], after: ['vip'] },
    ]);
    const second = await sales.as.commercial1.get<TimelinePage>(
      `/api/leads/${lead.id}/timeline?page=2&pageSize=2`,
    );
    expect(second.body.items.map(describeItem)).toEqual(['audit:create', 'activity:Admin task yesterday']);
    expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect((await sales.as.commercial1.get(`/api/leads/${lead.id}/timeline?pageSize=101`)).status).toBe(400);
    expect((await sales.as.commercial1.get(`/api/leads/${lead.id}/timeline?sort=at:asc`)).status).toBe(400);
  });

  it('serves clients and opportunities too, behind the record’s visibility and permissions', async () => {
    const client = (await sales.as.commercial1.post<Client>('/api/clients', { name: 'Timeline Client' }))
      .body;
    await sales.as.commercial1.post('/api/activities', {
      clientId: client.id,
      type: 'visit',
      subject: 'Visit',
    });
    const clientTimeline = await sales.as.commercial1.get<TimelinePage>(`/api/clients/${client.id}/timeline`);
    expect(clientTimeline.body.items.map(describeItem)).toEqual(['activity:Visit', 'audit:create']);
    const opp = (
      await sales.as.commercial1.post<{ id: string }>('/api/opportunities', {
        title: 'T',
        clientId: client.id,
      })
    ).body;
    await sales.as.commercial1.patch(`/api/opportunities/${opp.id}/stage`, { version: 1, stage: 'proposal' });
    const oppTimeline = await sales.as.commercial1.get<TimelinePage>(`/api/opportunities/${opp.id}/timeline`);
    expect(oppTimeline.body.items.map(describeItem)).toEqual(['audit:stage_change', 'audit:create']);

    expect((await sales.as.commercial2.get(`/api/clients/${client.id}/timeline`)).status).toBe(404);
    expect((await sales.as.admin.get(`/api/clients/${client.id}/timeline`)).status).toBe(200);
    // FINANCE reads clients but not activities, so not the timeline either.
    expect((await sales.as.finance1.get(`/api/clients/${client.id}/timeline`)).status).toBe(403);
  });

  it("keeps a lead's activities in the history of the opportunity and the client it became", async () => {
    const prospect = (
      await sales.as.commercial1.post<Lead>('/api/leads', { fullName: 'Sami Kefi', company: 'Kefi Dattes' })
    ).body;
    await sales.as.commercial1.post('/api/activities', {
      leadId: prospect.id,
      type: 'call',
      subject: 'Qualification call',
      status: 'completed',
      doneAt: at(-2),
    });
    const converted = await sales.as.commercial1.post<{ client: Client; opportunity: { id: string } }>(
      `/api/leads/${prospect.id}/convert`,
      { version: 1 },
    );
    expect(converted.status).toBe(200);
    const { client, opportunity } = converted.body;
    for (const path of [`/api/opportunities/${opportunity.id}`, `/api/clients/${client.id}`]) {
      const timeline = await sales.as.commercial1.get<TimelinePage>(`${path}/timeline`);
      expect(timeline.body.items.map(describeItem), path).toContain('activity:Qualification call');
    }
    // Another lead's activities stay out.
    const other = await sales.as.commercial1.get<TimelinePage>(
      `/api/opportunities/${opportunity.id}/timeline`,
    );
    expect(other.body.items.map(describeItem)).not.toContain('activity:Called last week');
  });
});
