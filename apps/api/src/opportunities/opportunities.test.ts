import {
  OPPORTUNITY_STAGES,
  OpportunitySchema,
  PipelineSummarySchema,
  PROBLEM_TYPES,
  type Client,
  type Opportunity,
  type PipelineSummary,
} from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { auditLog } from '../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';

type Page<T> = { items: T[]; total: number };

describe.each(DATABASES)('opportunities on %s', (target) => {
  let sales: SalesApi;
  let client: Client;
  let foreignClient: Client;
  const create = async (body: Record<string, unknown>, as: 'commercial1' | 'commercial2' = 'commercial1') => {
    const res = await sales.as[as].post<Opportunity>('/api/opportunities', body);
    expect(res.status).toBe(201);
    return OpportunitySchema.parse(res.body);
  };
  const stage = (id: string, body: Record<string, unknown>) =>
    sales.as.commercial1.patch<Opportunity & { errors?: { field: string }[] }>(
      `/api/opportunities/${id}/stage`,
      body,
    );

  beforeAll(async () => {
    sales = await startSalesApi(target);
    client = (await sales.as.commercial1.post<Client>('/api/clients', { name: 'Pipeline Client' })).body;
    foreignClient = (await sales.as.commercial2.post<Client>('/api/clients', { name: 'Foreign Client' }))
      .body;
  });
  afterAll(() => sales?.close());

  it('creates under a visible client with the stage probability; a foreign or missing parent is a 400', async () => {
    const opp = await create({ title: 'Export dattes', clientId: client.id, stage: 'needs_analysis' });
    expect(opp).toMatchObject({ probability: 40, stage: 'needs_analysis', closedAt: null, version: 1 });
    const foreign = await sales.as.commercial1.post<{ errors: { field: string }[] }>('/api/opportunities', {
      title: 'X',
      clientId: foreignClient.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'clientId', message: 'no client with this id' }]);
    expect((await sales.as.commercial1.post('/api/opportunities', { title: 'No parent' })).status).toBe(400);
    const closed = await sales.as.commercial1.post('/api/opportunities', {
      title: 'Born closed',
      clientId: client.id,
      stage: 'closed_won',
    });
    expect(closed.status).toBe(400);
  });

  it('names its customer on reads and in what a write answers: the client, else the prospect’s company', async () => {
    const named = (await sales.as.commercial1.post<Client>('/api/clients', { name: 'Bobines de Bizerte' }))
      .body;
    const forClient = await create({ title: 'Import bobines', clientId: named.id });
    expect(forClient).toMatchObject({ customerName: 'Bobines de Bizerte' });
    expect(
      (await sales.as.commercial1.get<Opportunity>(`/api/opportunities/${forClient.id}`)).body,
    ).toMatchObject({ customerName: 'Bobines de Bizerte' });
    const edited = await sales.as.commercial1.patch<Opportunity>(`/api/opportunities/${forClient.id}`, {
      version: forClient.version,
      title: 'Import bobines 2027',
    });
    expect(edited.body).toMatchObject({ title: 'Import bobines 2027', customerName: 'Bobines de Bizerte' });
    const lead = await sales.as.commercial1.post<{ id: string }>('/api/leads', {
      fullName: 'Nadia K',
      company: 'Olives de Zarzis',
    });
    const forLead = await create({ title: 'Export huile', leadId: lead.body.id });
    const page = await sales.as.commercial1.get<{ items: Opportunity[] }>(
      `/api/opportunities?leadId=${lead.body.id}`,
    );
    expect(page.body.items).toEqual([
      expect.objectContaining({ id: forLead.id, customerName: 'Olives de Zarzis' }),
    ]);
  });

  it('moves through stages: default or given probability, closing needs a reason, reopening clears it', async () => {
    const opp = await create({ title: 'Kanban card', clientId: client.id });
    const proposal = await stage(opp.id, { version: 1, stage: 'proposal' });
    expect(proposal.body).toMatchObject({ stage: 'proposal', probability: 60, version: 2 });
    const custom = await stage(opp.id, { version: 2, stage: 'negotiation', probability: 75 });
    expect(custom.body).toMatchObject({ probability: 75, version: 3 });

    const noReason = await stage(opp.id, { version: 3, stage: 'closed_lost' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors?.map((e) => e.field)).toEqual(['reason']);
    const stale = await stage(opp.id, { version: 2, stage: 'closed_won', reason: 'Best rate' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: PROBLEM_TYPES.conflict, currentVersion: 3 });

    const won = await stage(opp.id, { version: 3, stage: 'closed_won', reason: 'Best transit time' });
    expect(won.body).toMatchObject({
      stage: 'closed_won',
      probability: 100,
      closeReason: 'Best transit time',
    });
    expect(won.body.closedAt).not.toBeNull();
    const reopened = await stage(opp.id, { version: 4, stage: 'negotiation' });
    expect(reopened.body).toMatchObject({ closeReason: null, closedAt: null, probability: 80 });

    const { db } = sales.api.app.get<symbol, DatabaseHandle>(DATABASE);
    const changes = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, opp.id), eq(auditLog.action, 'stage_change')))
      .orderBy(auditLog.id);
    expect(changes).toHaveLength(4);
    expect(changes[2]?.before).toMatchObject({ stage: 'negotiation', closeReason: null });
    expect(changes[2]?.after).toMatchObject({ stage: 'closed_won', closeReason: 'Best transit time' });
  });

  it('edits with PATCH (stage is not a PATCH field) and hides other commercials’ records', async () => {
    const opp = await create({
      title: 'Editable',
      clientId: client.id,
      value: { amount: '1000', currency: 'EUR' },
    });
    const res = await sales.as.commercial1.patch<Opportunity>(`/api/opportunities/${opp.id}`, {
      version: 1,
      competitors: ['DHL', 'Kuehne+Nagel'],
      value: { amount: '1250.75', currency: 'EUR' },
    });
    expect(res.body).toMatchObject({ competitors: ['DHL', 'Kuehne+Nagel'], value: { amount: '1250.750' } });
    const withStage = await sales.as.commercial1.patch(`/api/opportunities/${opp.id}`, {
      version: 2,
      stage: 'proposal',
    });
    expect(withStage.status).toBe(400);
    expect((await sales.as.commercial2.get(`/api/opportunities/${opp.id}`)).status).toBe(404);
    expect(
      (await sales.as.commercial2.patch(`/api/opportunities/${opp.id}`, { version: 2, title: 'X' })).status,
    ).toBe(404);
    expect(
      (
        await sales.as.commercial2.patch(`/api/opportunities/${opp.id}/stage`, {
          version: 2,
          stage: 'proposal',
        })
      ).status,
    ).toBe(404);
    expect((await sales.as.finance1.get('/api/opportunities')).status).toBe(403);
  });

  it('lists with stage and client filters, sorted in pipeline order; unknown sort → 400', async () => {
    const list = await sales.as.commercial1.get<Page<Opportunity>>(
      `/api/opportunities?clientId=${client.id}&stage=needs_analysis,negotiation,prospecting&sort=stage:asc`,
    );
    expect(list.body.items.map((o) => o.stage)).toEqual(['prospecting', 'needs_analysis', 'negotiation']);
    expect((await sales.as.commercial1.get('/api/opportunities?sort=value:asc')).status).toBe(400);
    expect((await sales.as.commercial1.get('/api/opportunities?pageSize=101')).status).toBe(400);
  });

  it('sums the pipeline per stage and currency in SQL, for what the caller sees', async () => {
    const other = (await sales.as.commercial1.post<Client>('/api/clients', { name: 'Sums' })).body;
    const base = { clientId: other.id, stage: 'proposal', expectedCloseDate: '2031-06-30' };
    await create({ ...base, title: 'A', value: { amount: '1000.10', currency: 'TND' } });
    await create({ ...base, title: 'B', value: { amount: '0.205', currency: 'TND' }, probability: 50 });
    await create({ ...base, title: 'C', value: { amount: '300', currency: 'EUR' } });
    await create({ ...base, title: 'D' });
    await create(
      { ...base, title: 'E', value: { amount: '999', currency: 'TND' }, clientId: foreignClient.id },
      'commercial2',
    );
    const query = '/api/opportunities/pipeline?expectedCloseFrom=2031-01-01';
    const res = await sales.as.commercial1.get<PipelineSummary>(query);
    expect(res.status).toBe(200);
    const summary = PipelineSummarySchema.parse(res.body);
    expect(summary.stages.map((s) => s.stage)).toEqual([...OPPORTUNITY_STAGES]);
    expect(summary.stages.find((s) => s.stage === 'proposal')).toEqual({
      stage: 'proposal',
      count: 4,
      totals: [
        // 1000.100 × 60 % + 0.205 × 50 % = 600.060 + 0.1025 → 600.163 (rounded half up)
        { currency: 'TND', amount: '1000.305', weighted: '600.163' },
        { currency: 'EUR', amount: '300.000', weighted: '180.000' },
      ],
    });
    expect(summary.stages.find((s) => s.stage === 'prospecting')).toEqual({
      stage: 'prospecting',
      count: 0,
      totals: [],
    });
    const admin = PipelineSummarySchema.parse((await sales.as.admin.get(query)).body);
    expect(admin.stages.find((s) => s.stage === 'proposal')?.totals[0]).toEqual({
      currency: 'TND',
      amount: '1999.305',
      weighted: '1199.563',
    });
    expect((await sales.as.commercial1.get('/api/opportunities/pipeline?stage=proposal')).status).toBe(400);
  });
});
