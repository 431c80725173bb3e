import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Lead, NotificationList } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secondInstance, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { NotificationScheduler } from './notification-scheduler.js';

const REMINDERS = 12;

/**
 * Two API instances on one PostgreSQL database, both sweeping on their own timer (every second)
 * and on demand at the same moments: each reminder is written once and e-mailed once.
 */
describe.skipIf(!process.env.DATABASE_URL)('notification scheduler with two API instances', () => {
  let first: SalesApi;
  let second: SalesApi;
  const outboxes = [0, 1].map((i) => mkdtempSync(path.join(tmpdir(), `velosi-two-instances-${i}-`)));

  beforeAll(async () => {
    first = await startSalesApi('postgres', { DATABASE_POOL_SIZE: '4', MAIL_OUTBOX_DIR: outboxes[0] ?? '' });
    second = await secondInstance(first, {
      DATABASE_POOL_SIZE: '4',
      MAIL_OUTBOX_DIR: outboxes[1] ?? '',
      NOTIFICATIONS_INTERVAL_SECONDS: '1',
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    for (const dir of outboxes) rmSync(dir, { recursive: true, force: true });
  });

  it('fires each reminder exactly once and sends each e-mail once', async () => {
    const c1 = first.as.commercial1;
    const put = await c1.raw('/api/notifications/preferences', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emailKinds: ['activity-reminder'], language: 'fr', version: 0 }),
    });
    expect(put.status).toBe(200);
    const lead = (await c1.post<Lead>('/api/leads', { fullName: 'Two Instances Lead' })).body;
    for (let i = 0; i < REMINDERS; i++) {
      const res = await c1.post('/api/activities', {
        leadId: lead.id,
        type: 'call',
        subject: `Rappel ${i}`,
        reminderAt: new Date(Date.now() - 1000).toISOString(),
      });
      expect(res.status).toBe(201);
    }
    const schedulers = [first.api.app, second.api.app].map((app) => app.get(NotificationScheduler));
    for (let round = 0; round < 3; round++) {
      await Promise.all(schedulers.map((s) => s.runOnce()));
    }
    // Let the second instance's own timer run a couple of times as well.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await Promise.all(schedulers.map((s) => s.runOnce()));

    const list = (await c1.get<NotificationList>('/api/notifications?limit=100')).body;
    const reminders = list.items.filter((n) => n.kind === 'activity-reminder');
    expect(reminders).toHaveLength(REMINDERS);
    expect(new Set(reminders.map((n) => n.title)).size).toBe(REMINDERS);
    const mails = outboxes.flatMap((dir) => readdirSync(dir));
    expect(mails).toHaveLength(REMINDERS);
  });
});
