import { type JobDetail, type NotificationList, type Quote } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentQuote, startMailingSales } from '../../../test/support/records/quotes.js';
import { DATABASES, type SalesApi } from '../../../test/support/sales.js';
import type { TestSmtpServer } from '../../../test/support/services/smtp.js';

describe.each(DATABASES)('milestone notices on %s', (target) => {
  let sales: SalesApi;
  let smtp: TestSmtpServer;
  let clientId: string;
  let contactId: string;

  /** A job of commercial1's client, opened by ops1, with the client contact on it. */
  async function job(): Promise<JobDetail> {
    const { quote } = await sentQuote(sales.as.commercial1, clientId, { contactId });
    const accepted = await sales.as.commercial1.post<Quote>(`/api/quotes/${quote.id}/accept`, {
      version: quote.version,
      transport: { vesselName: 'CMA CGM Tage', voyageNumber: '0TX5RN' },
    });
    expect(accepted.status).toBe(200);
    const opened = await sales.as.ops1.post<JobDetail>(`/api/quotes/${quote.id}/job`);
    expect(opened.status).toBe(200);
    return opened.body;
  }

  const record = (id: string, kind: string) =>
    sales.as.ops1.post<JobDetail>(`/api/jobs/${id}/milestones`, {
      kind,
      occurredAt: '2026-03-02T08:30:00Z',
      place: 'Radès',
    });

  const milestoneNotices = async (user: 'commercial1' | 'commercial2', jobId: string) =>
    (await sales.as[user].get<NotificationList>('/api/notifications?limit=100')).body.items.filter(
      (n) => n.kind === 'job-milestone' && n.recordId === jobId,
    );

  beforeAll(async () => {
    const started = await startMailingSales(target, 'Textiles du Sahel SA', 'amel@textiles-sahel.tn');
    ({ smtp, sales } = started);
    clientId = started.client.id;
    contactId = started.contact.id;
  });
  afterAll(async () => {
    await sales?.close();
    await smtp?.close();
  });

  it("the client's commercial is notified of each milestone; the opted-in contact gets a short e-mail", async () => {
    const opened = await job();
    const patched = await sales.as.ops1.patch<JobDetail>(`/api/jobs/${opened.id}`, {
      version: opened.version,
      notifyClientOfMilestones: true,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    const arriving = smtp.nextMail();
    expect((await record(opened.id, 'departed')).status).toBe(201);
    const mail = await arriving;
    expect(mail.envelopeTo).toEqual(['amel@textiles-sahel.tn']);
    expect(mail.parsed.subject).toBe(`Dossier ${opened.number} — Départ`);
    expect(mail.parsed.text).toContain('Lieu : Radès');
    expect(mail.parsed.text).toContain('CMA CGM Tage / 0TX5RN');
    // Nothing internal leaves: no cost, no note field.
    expect(mail.parsed.text).not.toMatch(/TND|marge|profit/i);

    const notices = await milestoneNotices('commercial1', opened.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ recordType: 'job', title: `${opened.number} — Textiles du Sahel SA` });
    expect(notices[0]?.detail).toBe('departed · Radès');
    expect(await milestoneNotices('commercial2', opened.id)).toEqual([]);

    // A second milestone is a second notification (one per milestone, not per job).
    expect((await record(opened.id, 'arrived')).status).toBe(201);
    expect(await milestoneNotices('commercial1', opened.id)).toHaveLength(2);

    const timeline = await sales.as.ops1.get<{ items: { kind: string; action?: string }[] }>(
      `/api/jobs/${opened.id}/timeline?pageSize=100`,
    );
    expect(timeline.body.items.filter((i) => i.action === 'milestone_emailed')).toHaveLength(2);
  });

  it('without the opt-in the contact gets no e-mail, the commercial still a notification', async () => {
    const opened = await job();
    const before = smtp.received.length;
    expect((await record(opened.id, 'booked')).status).toBe(201);
    expect(smtp.received.length).toBe(before);
    expect(await milestoneNotices('commercial1', opened.id)).toHaveLength(1);
  });

  it('a relay refusing the mail does not refuse the milestone', async () => {
    const opened = await job();
    await sales.as.ops1.patch(`/api/jobs/${opened.id}`, {
      version: opened.version,
      notifyClientOfMilestones: true,
    });
    smtp.refuseRecipients = true;
    try {
      const res = await record(opened.id, 'cargo_received');
      expect(res.status).toBe(201);
      expect(res.body.status).toBeDefined();
    } finally {
      smtp.refuseRecipients = false;
    }
    const timeline = await sales.as.ops1.get<{ items: { action?: string }[] }>(
      `/api/jobs/${opened.id}/timeline`,
    );
    expect(timeline.body.items.some((i) => i.action === 'milestone_emailed')).toBe(false);
  });
});
