import {
  ActivitySchema,
  PROBLEM_TYPES,
  isActivityOverdue,
  type Activity,
  type Lead,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

type Page<T> = { items: T[]; total: number };
const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

describe.each(DATABASES)('activities on %s', (target) => {
  let sales: SalesApi;
  let lead: Lead;
  let foreignLead: Lead;
  const create = async (body: Record<string, unknown>) => {
    const res = await sales.as.commercial1.post<Activity>('/api/activities', { leadId: lead.id, ...body });
    expect(res.status).toBe(201);
    return ActivitySchema.parse(res.body);
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
    lead = (await sales.as.commercial1.post<Lead>('/api/leads', { fullName: 'Activity Lead' })).body;
    foreignLead = (await sales.as.commercial2.post<Lead>('/api/leads', { fullName: 'Foreign Lead' })).body;
  });
  afterAll(() => sales?.close());

  it('creates linked to one visible record, assigned to the author', async () => {
    const call = await create({ type: 'call', subject: 'First call', dueAt: at(24) });
    expect(call).toMatchObject({
      status: 'scheduled',
      leadId: lead.id,
      assignedTo: [sales.as.commercial1.sub],
    });
    const foreign = await sales.as.commercial1.post<{ errors: unknown[] }>('/api/activities', {
      type: 'call',
      subject: 'Spy',
      leadId: foreignLead.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'leadId', message: 'no lead with this id' }]);
    const two = await sales.as.commercial1.post('/api/activities', {
      type: 'call',
      subject: 'Two links',
      leadId: lead.id,
      clientId: lead.id,
    });
    expect(two.status).toBe(400);
    expect(
      (await sales.as.commercial1.post('/api/activities', { type: 'call', subject: 'None' })).status,
    ).toBe(400);
  });

  it('refuses a reminder after the due time, on create and on an edit of either', async () => {
    type Refused = { errors: { field: string; code?: string }[] };
    const late = await sales.as.commercial1.post<Refused>('/api/activities', {
      leadId: lead.id,
      type: 'call',
      subject: 'Late reminder',
      dueAt: at(24),
      reminderAt: at(25),
    });
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual([
      expect.objectContaining({ field: 'reminderAt', code: 'reminderAfterDue' }),
    ]);
    const call = await create({ type: 'call', subject: 'Reminded', dueAt: at(24), reminderAt: at(23) });
    const moved = await sales.as.commercial1.patch<Refused>(`/api/activities/${call.id}`, {
      version: call.version,
      dueAt: at(22),
    });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([
      expect.objectContaining({ field: 'reminderAt', code: 'reminderAfterDue' }),
    ]);
    const both = await sales.as.commercial1.patch<Activity>(`/api/activities/${call.id}`, {
      version: call.version,
      dueAt: at(22),
      reminderAt: at(21),
    });
    expect(both.status).toBe(200);
  });

  it('lists overdue ones (open and due in the past) with ?overdue=true, the rest with false', async () => {
    const late = await create({ type: 'follow_up', subject: 'OD late', dueAt: at(-2) });
    const postponed = await create({
      type: 'task',
      subject: 'OD postponed',
      dueAt: at(-48),
      status: 'postponed',
    });
    const done = await create({
      type: 'call',
      subject: 'OD done',
      dueAt: at(-5),
      status: 'completed',
      doneAt: at(-5),
    });
    const future = await create({ type: 'meeting', subject: 'OD future', dueAt: at(5) });
    const undated = await create({ type: 'note', subject: 'OD undated' });
    const ids = async (query: string) =>
      (await sales.as.commercial1.get<Page<Activity>>(`/api/activities?q=OD&${query}`)).body.items.map(
        (a) => a.id,
      );
    expect(await ids('overdue=true')).toEqual([postponed.id, late.id]);
    expect((await ids('overdue=false')).sort()).toEqual([done.id, future.id, undated.id].sort());
    // The shared contract helper agrees with the SQL filter.
    expect(
      [late, postponed, done, future, undated]
        .filter((a) => isActivityOverdue(a))
        .map((a) => a.id)
        .sort(),
    ).toEqual([late.id, postponed.id].sort());
    expect((await sales.as.commercial1.get('/api/activities?overdue=yes')).status).toBe(400);
    expect(await ids('status=completed')).toEqual([done.id]);
    expect(await ids(`type=meeting,note&sort=subject:asc`)).toEqual([future.id, undated.id]);
    expect(
      await ids(`dueFrom=${encodeURIComponent(at(-3))}&dueTo=${encodeURIComponent(at(6))}&sort=dueAt:asc`),
    ).toEqual([late.id, future.id]);
  });

  it('the list names the record each activity is about', async () => {
    const client = await createClient(sales.as.commercial1, 'Oléiculture Sfax SA');
    const byLead = await create({ type: 'call', subject: 'About naming' });
    const byClient = await create({
      type: 'call',
      subject: 'About naming',
      leadId: undefined,
      clientId: client.id,
    });
    const page = (await sales.as.commercial1.get<Page<Activity>>('/api/activities?q=naming&sort=subject:asc'))
      .body;
    const names = new Map(page.items.map((a) => [a.id, a.relatedName]));
    expect(names.get(byLead.id)).toBe('Activity Lead');
    expect(names.get(byClient.id)).toBe('Oléiculture Sfax SA');
  });

  it('completes an open activity once (done now), with the version', async () => {
    const task = await create({ type: 'task', subject: 'Send tariff' });
    const stale = await sales.as.commercial1.post(`/api/activities/${task.id}/complete`, { version: 2 });
    expect(stale.body).toMatchObject({ type: PROBLEM_TYPES.conflict, currentVersion: 1 });
    const before = Date.now();
    const done = await sales.as.commercial1.post<Activity>(`/api/activities/${task.id}/complete`, {
      version: 1,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', version: 2 });
    expect(Date.parse(done.body.doneAt ?? '')).toBeGreaterThan(before - 60_000);
    const again = await sales.as.commercial1.post(`/api/activities/${task.id}/complete`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: PROBLEM_TYPES.invalidState });
  });

  it('keeps the outcome noted on completion, and an undo (PATCH back to open) clears it', async () => {
    const call = await create({ type: 'call', subject: 'Relance tarif' });
    const done = await sales.as.commercial1.post<Activity>(`/api/activities/${call.id}/complete`, {
      version: 1,
      outcome: 'Client intéressé, rappeler lundi',
    });
    expect(done.body).toMatchObject({ status: 'completed', outcome: 'Client intéressé, rappeler lundi' });
    const undone = await sales.as.commercial1.patch<Activity>(`/api/activities/${call.id}`, {
      version: done.body.version,
      status: 'scheduled',
      doneAt: null,
      outcome: null,
    });
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'scheduled', doneAt: null, outcome: null });
  });

  it('is visible to its assignees and ADMIN only; FINANCE has no activities permission', async () => {
    const call = await create({ type: 'call', subject: 'Private call' });
    expect((await sales.as.commercial2.get(`/api/activities/${call.id}`)).status).toBe(404);
    expect(
      (await sales.as.commercial2.patch(`/api/activities/${call.id}`, { version: 1, subject: 'x' })).status,
    ).toBe(404);
    expect(
      (await sales.as.commercial2.post(`/api/activities/${call.id}/complete`, { version: 1 })).status,
    ).toBe(404);
    expect((await sales.as.admin.get(`/api/activities/${call.id}`)).status).toBe(200);
    expect((await sales.as.finance1.get('/api/activities')).status).toBe(403);
    const shared = await sales.as.commercial1.patch<Activity>(`/api/activities/${call.id}`, {
      version: 1,
      assignedTo: [sales.as.commercial1.sub, sales.as.commercial2.sub],
      dueAt: null,
    });
    expect(shared.body).toMatchObject({ version: 2, dueAt: null });
    expect((await sales.as.commercial2.get(`/api/activities/${call.id}`)).status).toBe(200);
  });

  it('archives and restores; activities have no timeline of their own', async () => {
    const note = await create({ type: 'note', subject: 'Archive me' });
    const archived = await sales.as.commercial1.post<Activity>(`/api/activities/${note.id}/archive`, {
      version: 1,
    });
    expect(archived.body.archivedAt).not.toBeNull();
    const restored = await sales.as.commercial1.post<Activity>(`/api/activities/${note.id}/restore`, {
      version: 2,
    });
    expect(restored.body.archivedAt).toBeNull();
    expect((await sales.as.commercial1.get(`/api/activities/${note.id}/timeline`)).status).toBe(404);
  });
});
