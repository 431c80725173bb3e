import {
  LeadConversionSchema,
  LeadSchema,
  PROBLEM_TYPES,
  type Client,
  type Contact,
  type Lead,
  type LeadConversion,
  type Opportunity,
} from '@velosi/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { auditLog } from '../audit/audit-log.table.js';
import { clients, contacts } from '../clients/clients.table.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';

type Page<T> = { items: T[]; total: number };

describe.each(DATABASES)('leads on %s', (target) => {
  let sales: SalesApi;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const newLead = async (
    body: Record<string, unknown>,
    as: 'commercial1' | 'commercial2' = 'commercial1',
  ) => {
    const res = await sales.as[as].post<Lead>('/api/leads', body);
    expect(res.status).toBe(201);
    return LeadSchema.parse(res.body);
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  it('creates with defaults, assigned to the creator, money and volume as exact decimals', async () => {
    const lead = await newLead({
      fullName: 'Sami Ben Ali',
      company: 'Dattes du Sud',
      estimatedAnnualValue: { amount: '150000.5', currency: 'EUR' },
      estimatedAnnualVolume: { quantity: '120', unit: 'teu' },
    });
    expect(lead).toMatchObject({
      status: 'new',
      source: 'other',
      priority: 'medium',
      version: 1,
      assignedTo: [sales.as.commercial1.sub],
      estimatedAnnualValue: { amount: '150000.500', currency: 'EUR' },
      estimatedAnnualVolume: { quantity: '120.000', unit: 'teu' },
      convertedAt: null,
    });
    const cleared = await sales.as.commercial1.patch<Lead>(`/api/leads/${lead.id}`, {
      version: 1,
      estimatedAnnualValue: null,
    });
    expect(cleared.body).toMatchObject({
      estimatedAnnualValue: null,
      estimatedAnnualVolume: { unit: 'teu' },
    });
  });

  it('filters by status, source, priority, tag, transport need and follow-up date; sorts by priority order', async () => {
    await newLead({ fullName: 'F One', status: 'contacted', priority: 'urgent', tags: ['dates', 'export'] });
    await newLead({ fullName: 'F Two', status: 'qualified', priority: 'low', source: 'linkedin' });
    await newLead({ fullName: 'F Three', transportNeeds: ['air', 'road'], nextFollowUpDate: '2020-01-10' });
    await newLead({ fullName: 'F Four', nextFollowUpDate: '2999-01-10', priority: 'high' }, 'commercial2');
    const names = async (query: string) =>
      (await sales.as.commercial1.get<Page<Lead>>(`/api/leads?q=F%20&${query}`)).body.items.map(
        (l) => l.fullName,
      );
    expect(await names('status=contacted,qualified&sort=fullName:asc')).toEqual(['F One', 'F Two']);
    expect(await names('status=contacted&status=qualified&sort=fullName:asc')).toEqual(['F One', 'F Two']);
    expect(await names('source=linkedin')).toEqual(['F Two']);
    expect(await names('tag=dates')).toEqual(['F One']);
    expect(await names('transportNeed=air')).toEqual(['F Three']);
    expect(await names('followUpBefore=2026-01-01')).toEqual(['F Three']);
    expect(await names('sort=priority:desc')).toEqual(['F One', 'F Three', 'F Two']);
    const admin = await sales.as.admin.get<Page<Lead>>(
      `/api/leads?q=F%20&assignedTo=${sales.as.commercial2.sub}`,
    );
    expect(admin.body.items.map((l) => l.fullName)).toEqual(['F Four']);
    expect((await sales.as.commercial1.get('/api/leads?status=won')).status).toBe(400);
  });

  it('rejects a non-allowlisted sort, pageSize 101, unknown fields and a direct "converted" status', async () => {
    expect((await sales.as.commercial1.get('/api/leads?sort=email:asc')).status).toBe(400);
    expect((await sales.as.commercial1.get('/api/leads?sort=full_name;drop table leads:asc')).status).toBe(
      400,
    );
    expect((await sales.as.commercial1.get('/api/leads?pageSize=101')).status).toBe(400);
    const lead = await newLead({ fullName: 'Strict Body' });
    const res = await sales.as.commercial1.patch<{ errors: { field: string }[] }>(`/api/leads/${lead.id}`, {
      version: 1,
      assignedTo: [sales.as.commercial1.sub],
      convertedClientId: lead.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(['convertedClientId']);
    expect(
      (await sales.as.commercial1.patch(`/api/leads/${lead.id}`, { version: 1, status: 'converted' })).status,
    ).toBe(400);
    expect((await sales.as.commercial1.patch(`/api/leads/${lead.id}`, { status: 'lost' })).status).toBe(400);
  });

  it("answers 404 for another commercial's lead: get, patch, convert, archive, timeline", async () => {
    const lead = await newLead({ fullName: 'Private Prospect' });
    const path = `/api/leads/${lead.id}`;
    expect((await sales.as.commercial2.get(path)).status).toBe(404);
    expect((await sales.as.commercial2.patch(path, { version: 1, priority: 'low' })).status).toBe(404);
    expect((await sales.as.commercial2.post(`${path}/convert`, { version: 1 })).status).toBe(404);
    expect((await sales.as.commercial2.post(`${path}/archive`, { version: 1 })).status).toBe(404);
    expect((await sales.as.commercial2.get(`${path}/timeline`)).status).toBe(404);
    expect((await sales.as.admin.get(path)).status).toBe(200);
    // FINANCE and OPERATIONS have no leads permission at all.
    expect((await sales.as.finance1.get(path)).status).toBe(403);
    expect((await sales.as.ops1.get('/api/leads')).status).toBe(403);
  });

  it('answers 409 with the current version to a stale PATCH and audits before/after', async () => {
    const lead = await newLead({ fullName: 'Versioned' });
    const ok = await sales.as.commercial1.patch<Lead>(`/api/leads/${lead.id}`, {
      version: 1,
      status: 'contacted',
    });
    expect(ok.body.version).toBe(2);
    const stale = await sales.as.commercial1.patch(`/api/leads/${lead.id}`, { version: 1, status: 'lost' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: PROBLEM_TYPES.conflict, currentVersion: 2 });
    const rows = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, lead.id))
      .orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]?.before).toMatchObject({ status: 'new', version: 1 });
    expect(rows[1]?.after).toMatchObject({ status: 'contacted', version: 2 });
  });

  describe('convert', () => {
    it('creates client + primary contact + opportunity from the lead in one go, and refuses a second time', async () => {
      const lead = await newLead({
        fullName: 'Leila Trabelsi',
        company: 'Huilerie Trabelsi',
        email: 'leila@trabelsi.tn',
        phone: '+216 74 000 111',
        traffic: 'export',
        estimatedAnnualValue: { amount: '80000', currency: 'TND' },
      });
      const earlier = await sales.as.commercial1.post<Opportunity>('/api/opportunities', {
        title: 'Pre-existing',
        leadId: lead.id,
      });
      const res = await sales.as.commercial1.post<LeadConversion>(`/api/leads/${lead.id}/convert`, {
        version: 1,
      });
      expect(res.status).toBe(200);
      const { lead: converted, client, contact, opportunity } = LeadConversionSchema.parse(res.body);
      expect(converted).toMatchObject({
        status: 'converted',
        version: 2,
        convertedClientId: client.id,
        convertedOpportunityId: opportunity.id,
      });
      expect(converted.convertedAt).not.toBeNull();
      expect(client).toMatchObject({ name: 'Huilerie Trabelsi', assignedTo: [sales.as.commercial1.sub] });
      expect(contact).toMatchObject({
        clientId: client.id,
        firstName: 'Leila',
        lastName: 'Trabelsi',
        emails: ['leila@trabelsi.tn'],
        phones: ['+216 74 000 111'],
        isPrimary: true,
      });
      expect(opportunity).toMatchObject({
        title: 'Huilerie Trabelsi',
        clientId: client.id,
        leadId: lead.id,
        stage: 'prospecting',
        probability: 10,
        value: { amount: '80000.000', currency: 'TND' },
        traffic: 'export',
      });
      // The lead's earlier opportunity now belongs to the client too.
      const moved = await sales.as.commercial1.get<Opportunity>(`/api/opportunities/${earlier.body.id}`);
      expect(moved.body).toMatchObject({ clientId: client.id, leadId: lead.id, version: 2 });

      const audit = await db().select().from(auditLog).orderBy(auditLog.id);
      const actions = (entity: string, id: string) =>
        audit.filter((r) => r.entity === entity && r.entityId === id).map((r) => r.action);
      expect(actions('lead', lead.id)).toEqual(['create', 'convert']);
      expect(actions('client', client.id)).toEqual(['create']);
      expect(actions('contact', contact.id)).toEqual(['create']);
      expect(actions('opportunity', opportunity.id)).toEqual(['create']);
      expect(actions('opportunity', earlier.body.id)).toEqual(['create', 'update']);
      const convertEntry = audit.find((r) => r.entityId === lead.id && r.action === 'convert');
      expect(convertEntry?.before).toMatchObject({ status: 'new' });
      expect(convertEntry?.after).toMatchObject({ status: 'converted', convertedClientId: client.id });

      const twice = await sales.as.commercial1.post(`/api/leads/${lead.id}/convert`, { version: 2 });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ type: PROBLEM_TYPES.invalidState });
      const stale = await sales.as.commercial1.post(`/api/leads/${lead.id}/convert`, { version: 1 });
      expect(stale.body).toMatchObject({ type: PROBLEM_TYPES.conflict, currentVersion: 2 });
      // A converted lead is read-only.
      const edit = await sales.as.commercial1.patch(`/api/leads/${lead.id}`, { version: 2, priority: 'low' });
      expect(edit.status).toBe(409);
    });

    it('uses the parts the body gives', async () => {
      const lead = await newLead({ fullName: 'Omar Gharbi' });
      const res = await sales.as.commercial1.post<LeadConversion>(`/api/leads/${lead.id}/convert`, {
        version: 1,
        client: { name: 'Gharbi Logistique SARL', country: 'TN', city: 'Bizerte' },
        contact: { lastName: 'Gharbi', firstName: 'Omar', position: 'Gérant' },
        opportunity: { title: 'Import bois FCL', stage: 'qualification', transportType: 'sea_fcl' },
      });
      expect(res.status).toBe(200);
      expect(res.body.client).toMatchObject({ name: 'Gharbi Logistique SARL', city: 'Bizerte' });
      expect(res.body.contact).toMatchObject({ position: 'Gérant', isPrimary: true });
      expect(res.body.opportunity).toMatchObject({
        title: 'Import bois FCL',
        stage: 'qualification',
        probability: 20,
      });
    });

    it('writes nothing when a step fails midway (one transaction)', async () => {
      const lead = await newLead({ fullName: 'Atomic Test', company: 'Atomic Rollback SA' });
      // The opportunity insert comes after the client, its contact and their audit rows.
      await db().execute(
        sql.raw(`create or replace function velosi_test_fail() returns trigger language plpgsql as
          $$ begin raise exception 'forced failure'; end $$`),
      );
      await db().execute(
        sql.raw(`create trigger velosi_test_fail before insert on opportunities for each row
          when (new.title = 'Atomic Rollback SA') execute function velosi_test_fail()`),
      );
      try {
        const auditBefore = (await db().select({ id: auditLog.id }).from(auditLog)).length;
        const res = await sales.as.commercial1.post(`/api/leads/${lead.id}/convert`, { version: 1 });
        expect(res.status).toBe(500);
        expect(await db().select().from(clients).where(eq(clients.name, 'Atomic Rollback SA'))).toEqual([]);
        expect(await db().select().from(contacts).where(eq(contacts.lastName, 'Test'))).toEqual([]);
        expect((await db().select({ id: auditLog.id }).from(auditLog)).length).toBe(auditBefore);
        const after = await sales.as.commercial1.get<Lead>(`/api/leads/${lead.id}`);
        expect(after.body).toMatchObject({ status: 'new', version: 1, convertedClientId: null });
      } finally {
        await db().execute(sql.raw('drop trigger velosi_test_fail on opportunities'));
      }
      const retry = await sales.as.commercial1.post<{ client: Client; contact: Contact }>(
        `/api/leads/${lead.id}/convert`,
        { version: 1 },
      );
      expect(retry.status).toBe(200);
      expect(retry.body.client.name).toBe('Atomic Rollback SA');
    });
  });
});
