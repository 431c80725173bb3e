import { randomBytes } from 'node:crypto';
import type { Client, Lead } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, quoteBody } from '../../test/support/records/quotes.js';
import { createUser, deleteUsers } from '../../test/support/records/users.js';
import { DATABASES, startSalesApi, type SalesApi, type UserClient } from '../../test/support/sales.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { leads } from '../leads/leads.table.js';

type Problem = { status: number; errors?: { field: string; message: string }[] };

/** The body is a 400 naming `assignedTo`, with a message matching `message`. */
function expectAssigneeProblem(res: { status: number; body: unknown }, message: RegExp): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  const errors = (res.body as Problem).errors ?? [];
  expect(errors.filter((e) => e.field === 'assignedTo').map((e) => e.message)).toEqual([
    expect.stringMatching(message),
  ]);
}

const STAY = /stay among the assignees/;
const UNKNOWN = /unknown or unassignable user/;

describe.each(DATABASES)('assignment rules on %s', (target) => {
  const run = randomBytes(3).toString('hex');
  const createdUsers: string[] = [];
  let sales: SalesApi;
  let client: Client;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const newLead = async (as: UserClient, body: Record<string, unknown> = {}) => {
    const res = await as.post<Lead>('/api/leads', { fullName: `Assigned ${run}`, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
    client = await createClient(sales.as.commercial1, 'Assignations SARL');
  });
  afterAll(async () => {
    await deleteUsers(createdUsers);
    await sales?.close();
  });

  it('lets ADMIN reassign: the new assignee sees the record, the previous one gets 404', async () => {
    const { commercial1, commercial2, admin } = sales.as;
    const lead = await newLead(commercial1);
    const moved = await admin.patch<Lead>(`/api/leads/${lead.id}`, {
      version: 1,
      assignedTo: [commercial2.sub],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.assignedTo).toEqual([commercial2.sub]);
    expect((await commercial2.get(`/api/leads/${lead.id}`)).status).toBe(200);
    expect((await commercial1.get(`/api/leads/${lead.id}`)).status).toBe(404);
    // ADMIN may also create for someone else only.
    const forOther = await newLead(admin, { assignedTo: [commercial1.sub] });
    expect(forOther.assignedTo).toEqual([commercial1.sub]);
  });

  it('keeps a commercial among the assignees; adding a colleague is fine', async () => {
    const { commercial1, commercial2 } = sales.as;
    const lead = await newLead(commercial1);
    const path = `/api/leads/${lead.id}`;
    expectAssigneeProblem(await commercial1.patch(path, { version: 1, assignedTo: [commercial2.sub] }), STAY);
    expectAssigneeProblem(await commercial1.patch(path, { version: 1, assignedTo: [] }), STAY);
    expectAssigneeProblem(
      await commercial1.post('/api/leads', { fullName: 'X', assignedTo: [commercial2.sub] }),
      STAY,
    );
    const shared = await commercial1.patch<Lead>(path, {
      version: 1,
      assignedTo: [commercial1.sub, commercial2.sub],
    });
    expect(shared.body.assignedTo).toEqual([commercial1.sub, commercial2.sub]);
    expect((await commercial2.get(path)).status).toBe(200);
  });

  it('lets a supervisor (staff profile) hand a record over', async () => {
    const { commercial1, commercial2, admin } = sales.as;
    const lead = await newLead(commercial2);
    const path = `/api/leads/${lead.id}`;
    expectAssigneeProblem(await commercial2.patch(path, { version: 1, assignedTo: [commercial1.sub] }), STAY);
    const profile = await admin.patch(`/api/admin/users/${commercial2.sub}`, { isSupervisor: true });
    expect(profile.status).toBe(200);
    try {
      const handed = await commercial2.patch<Lead>(path, { version: 1, assignedTo: [commercial1.sub] });
      expect(handed.status).toBe(200);
      expect((await commercial2.get(path)).status).toBe(404);
      expect((await commercial1.get(path)).status).toBe(200);
    } finally {
      await admin.patch(`/api/admin/users/${commercial2.sub}`, { isSupervisor: false });
    }
  });

  it('refuses ids the directory does not know, but lets through those the record already has', async () => {
    const { commercial1, ops1, admin } = sales.as;
    expectAssigneeProblem(
      await commercial1.post('/api/leads', { fullName: 'X', assignedTo: [commercial1.sub, 'no-such-user'] }),
      UNKNOWN,
    );
    // OPERATIONS exists but edits no sales record: not assignable either, even by ADMIN.
    const lead = await newLead(commercial1);
    expectAssigneeProblem(
      await admin.patch(`/api/leads/${lead.id}`, { version: 1, assignedTo: [commercial1.sub, ops1.sub] }),
      UNKNOWN,
    );
    // A colleague who has left stays on old records: editing them does not require removing them.
    await db()
      .update(leads)
      .set({ assignedTo: [commercial1.sub, 'left-the-company'] })
      .where(eq(leads.id, lead.id));
    const kept = await commercial1.patch<Lead>(`/api/leads/${lead.id}`, {
      version: 1,
      priority: 'high',
      assignedTo: [commercial1.sub, 'left-the-company'],
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
  });

  it('applies the same rule to opportunities, clients, activities and quotes', async () => {
    const { commercial1, commercial2 } = sales.as;
    const records: Array<[string, Record<string, unknown>]> = [
      ['opportunities', { title: 'Rule', clientId: client.id }],
      ['clients', { name: 'Rule Client' }],
      ['activities', { type: 'call', subject: 'Rule', clientId: client.id }],
      ['quotes', { ...quoteBody(client.id) }],
    ];
    for (const [path, body] of records) {
      const created = await commercial1.post<{ id: string; assignedTo: string[] }>(`/api/${path}`, body);
      expect(created.status, `${path}: ${JSON.stringify(created.body)}`).toBe(201);
      expect(created.body.assignedTo).toEqual([commercial1.sub]);
      const url = `/api/${path}/${created.body.id}`;
      expectAssigneeProblem(
        await commercial1.patch(url, { version: 1, assignedTo: [commercial2.sub] }),
        STAY,
      );
      expectAssigneeProblem(
        await commercial1.patch(url, { version: 1, assignedTo: [commercial1.sub, 'ghost'] }),
        UNKNOWN,
      );
      expectAssigneeProblem(
        await commercial1.post(`/api/${path}`, { ...body, assignedTo: [commercial1.sub, 'ghost'] }),
        UNKNOWN,
      );
      const shared = await commercial1.patch<{ assignedTo: string[] }>(url, {
        version: 1,
        assignedTo: [commercial1.sub, commercial2.sub],
      });
      expect(shared.status, `${path}: ${JSON.stringify(shared.body)}`).toBe(200);
      expect((await commercial2.get(url)).status).toBe(200);
    }
  });

  it('accepts a user created after the directory was cached (the miss reloads it)', async () => {
    const { admin } = sales.as;
    expect((await admin.get('/api/staff')).status).toBe(200);
    const late = await createUser(admin, `qa${run}.${target}.late`, {
      firstName: 'Late',
      lastName: 'Joiner',
      roles: ['COMMERCIAL'],
    });
    createdUsers.push(late.id);
    // A miss reloads the directory at most every 2 s (StaffDirectory): wait that out.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const lead = await newLead(admin, { assignedTo: [late.id] });
    expect(lead.assignedTo).toEqual([late.id]);
  });
});
