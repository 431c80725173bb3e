import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  NotificationListSchema,
  NotificationPreferencesSchema,
  type Lead,
  type NotificationList,
  type NotificationPreferences,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessToday } from '../common/business-day.js';
import { createClient, createContact, publicJson, sentQuote } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi, type UserClient } from '../../test/support/sales.js';
import { NotificationScheduler } from './notification-scheduler.js';

const MINUTE = 60_000;
const inDays = (days: number) => businessToday(new Date(Date.now() + days * 86_400_000));

async function listOf(user: UserClient): Promise<NotificationList> {
  const res = await user.get<NotificationList>('/api/notifications?limit=100');
  expect(res.status).toBe(200);
  return NotificationListSchema.parse(res.body);
}

describe.each(DATABASES)('notifications on %s', (target) => {
  let sales: SalesApi;
  let clientId: string;
  const outbox = mkdtempSync(path.join(tmpdir(), 'velosi-notify-outbox-'));
  const c1 = () => sales.as.commercial1;
  const c2 = () => sales.as.commercial2;
  const sweep = () => sales.api.app.get(NotificationScheduler).runOnce();

  beforeAll(async () => {
    sales = await startSalesApi(target, { MAIL_OUTBOX_DIR: outbox });
    clientId = (await createClient(c1(), 'Huilerie de Sfax SA', { language: 'fr' })).id;
    await createContact(c1(), clientId, {
      lastName: 'Trabelsi',
      emails: ['achats@huilerie-sfax.tn'],
      isPrimary: true,
    });
  });
  afterAll(async () => {
    await sales?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('tells the assignee when the customer accepts through the public link, and only them', async () => {
    const { quote, token } = await sentQuote(c1(), clientId, { title: 'Huile en vrac' });
    const before = (await listOf(c1())).unread;
    expect((await publicJson(sales, `/api/public/quotes/${token}/accept`, {})).status).toBe(200);

    const mine = await listOf(c1());
    const accepted = mine.items.find((n) => n.recordId === quote.id);
    expect(accepted).toMatchObject({
      kind: 'quote-accepted',
      recordType: 'quote',
      title: `${quote.number} — Huile en vrac`,
      readAt: null,
    });
    expect(mine.unread).toBe(before + 1);
    expect((await listOf(c2())).items.some((n) => n.recordId === quote.id)).toBe(false);

    // Another user's notification is not found, like a missing one.
    const id = accepted?.id ?? '';
    expect((await c2().post(`/api/notifications/${id}/read`)).status).toBe(404);
    expect((await c1().post(`/api/notifications/00000000-0000-4000-8000-000000000000/read`)).status).toBe(
      404,
    );
    const read = await c1().post<{ readAt: string | null }>(`/api/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await listOf(c1())).unread).toBe(before);
  });

  it('tells the assignee of a rejection with the customer reason', async () => {
    const { quote, token } = await sentQuote(c1(), clientId);
    const res = await publicJson(sales, `/api/public/quotes/${token}/reject`, { reason: 'Trop cher' });
    expect(res.status).toBe(200);
    const rejected = (await listOf(c1())).items.find((n) => n.recordId === quote.id);
    expect(rejected).toMatchObject({ kind: 'quote-rejected', detail: 'Trop cher' });
  });

  it('fires due reminders, expiring quotes and follow-ups once, however many sweeps run', async () => {
    const lead = (
      await c1().post<Lead>('/api/leads', { fullName: 'Sami Gharbi', nextFollowUpDate: businessToday() })
    ).body;
    const later = (
      await c1().post<Lead>('/api/leads', { fullName: 'Later Lead', nextFollowUpDate: inDays(5) })
    ).body;
    const activity = await c1().post<{ id: string }>('/api/activities', {
      leadId: lead.id,
      type: 'call',
      subject: 'Rappeler Sami',
      reminderAt: new Date(Date.now() - MINUTE).toISOString(),
    });
    expect(activity.status).toBe(201);
    const future = await c1().post('/api/activities', {
      leadId: lead.id,
      type: 'call',
      subject: 'Not yet',
      reminderAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
    });
    expect(future.status).toBe(201);
    const { quote } = await sentQuote(c1(), clientId, { validUntil: inDays(2) });
    const { quote: farQuote } = await sentQuote(c1(), clientId, { validUntil: inDays(20) });

    await Promise.all([sweep(), sweep()]);
    await sweep();

    const items = (await listOf(c1())).items;
    const count = (kind: string, recordId: string) =>
      items.filter((n) => n.kind === kind && n.recordId === recordId).length;
    expect(count('activity-reminder', lead.id)).toBe(1);
    expect(items.find((n) => n.kind === 'activity-reminder')?.title).toBe('Rappeler Sami');
    expect(count('lead-follow-up', lead.id)).toBe(1);
    expect(count('lead-follow-up', later.id)).toBe(0);
    expect(count('quote-expiring', quote.id)).toBe(1);
    expect(count('quote-expiring', farQuote.id)).toBe(0);
    // Assigned to commercial1 only: commercial2 hears nothing of it.
    expect((await listOf(c2())).items.some((n) => n.recordId === lead.id)).toBe(false);
  });

  it('marks everything read at once', async () => {
    expect((await listOf(c1())).unread).toBeGreaterThan(0);
    const res = await c1().post<{ updated: number }>('/api/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body.updated).toBeGreaterThan(0);
    expect((await listOf(c1())).unread).toBe(0);
  });

  it('keeps preferences per user with a version, and e-mails the kinds opted in', async () => {
    const initial = await c2().get<NotificationPreferences>('/api/notifications/preferences');
    expect(NotificationPreferencesSchema.parse(initial.body)).toEqual({
      emailKinds: [],
      emailAddress: null,
      language: 'fr',
      version: 0,
    });
    const saved = await c2().patch('/api/notifications/preferences', {});
    expect(saved.status).toBe(404);
    const put = (body: unknown) =>
      c2().raw('/api/notifications/preferences', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const first = await put({ emailKinds: ['activity-reminder'], language: 'en', version: 0 });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      emailKinds: ['activity-reminder'],
      emailAddress: 'commercial2@velosi.example',
      version: 1,
    });
    expect((await put({ emailKinds: [], language: 'en', version: 0 })).status).toBe(409);
    expect((await put({ emailKinds: ['nope'], language: 'en', version: 1 })).status).toBe(400);
    // commercial1's preferences are their own.
    expect((await c1().get<NotificationPreferences>('/api/notifications/preferences')).body.version).toBe(0);
    // A version never stored is stale, not a first save (the largest int4 once overflowed into a 500).
    const c1Put = await c1().raw('/api/notifications/preferences', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emailKinds: [], language: 'en', version: 2_147_483_647 }),
    });
    expect(c1Put.status).toBe(409);
    expect((await c1().get<NotificationPreferences>('/api/notifications/preferences')).body.version).toBe(0);

    const lead = (await c2().post<Lead>('/api/leads', { fullName: 'Mail Lead' })).body;
    await c2().post('/api/activities', {
      leadId: lead.id,
      type: 'meeting',
      subject: 'Visite entrepôt',
      reminderAt: new Date(Date.now() - MINUTE).toISOString(),
    });
    const result = await sweep();
    expect(result.emailsSent).toBe(1);
    expect((await sweep()).emailsSent).toBe(0);
    // Quoted-printable bodies wrap long lines with soft breaks (`=` at the end of a line).
    const mails = readdirSync(outbox).map((file) =>
      readFileSync(path.join(outbox, file), 'utf8').replace(/=\r?\n/g, ''),
    );
    // Subjects may be folded or encoded; the plain-text body carries the same words.
    const reminder = mails.filter((mail) => mail.includes('Activity reminder') && mail.includes('Visite'));
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toContain('commercial2@velosi.example');
    expect(reminder[0]).toContain(`/leads/${lead.id}`);
  });

  it('validates the list query', async () => {
    expect((await c1().get('/api/notifications?limit=101')).status).toBe(400);
    expect((await c1().get('/api/notifications?foo=1')).status).toBe(400);
    expect((await c1().get('/api/notifications?unreadOnly=true')).status).toBe(200);
  });
});
