import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PublicQuotePageSchema,
  PublicQuoteSchema,
  type Client,
  type PublicQuote,
  type Quote,
  type QuoteSendResult,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTI_CURRENCY_TOTALS } from '../../../test/support/records/quote-fixtures.js';
import {
  createClient,
  createContact,
  createQuote,
  publicJson,
  quoteBody,
  sentQuote as sentQuoteOf,
} from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

/** Keys of the staff record that must never reach the customer. */
const PRIVATE_KEYS = [
  'buyUnitPrice',
  'buyTotalTnd',
  'buyTnd',
  'marginTnd',
  'marginPercent',
  'internalNotes',
  'assignedTo',
  'createdBy',
];

describe.each(DATABASES)('public quote links on %s', (target) => {
  let sales: SalesApi;
  let client: Client;
  const as = () => sales.as.commercial1;

  /** A quote sent by commercial1, with internal notes the customer must never see, and its link token. */
  const sentQuote = (overrides: Parameters<typeof quoteBody>[1] = {}) =>
    sentQuoteOf(as(), client.id, { internalNotes: 'Remise MSC 12 %', ...overrides });

  // No SMTP here: sends go to a throwaway outbox (the dev default), removed afterwards.
  const outbox = mkdtempSync(path.join(tmpdir(), 'velosi-public-outbox-'));

  beforeAll(async () => {
    sales = await startSalesApi(target, { MAIL_OUTBOX_DIR: outbox });
    client = await createClient(as(), 'Textiles du Sahel SA', { language: 'fr' });
    await createContact(as(), client.id, {
      lastName: 'Ben Salah',
      emails: ['amel@textiles-sahel.tn'],
      isPrimary: true,
    });
  });
  afterAll(async () => {
    await sales?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('shows the customer view without login: totals yes, buy prices and margins never', async () => {
    const { quote, token } = await sentQuote();
    const res = await publicJson<PublicQuote>(sales, `/api/public/quotes/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const view = PublicQuoteSchema.parse(res.body);
    expect(view).toMatchObject({
      number: quote.number,
      status: 'sent',
      customerName: 'Textiles du Sahel SA',
      language: 'fr',
    });
    expect(view.totals.totalTnd).toBe(MULTI_CURRENCY_TOTALS.totalTnd);
    expect(view.items).toHaveLength(4);
    // Who the customer deals with: the forwarder's letterhead and the salesperson who sent the link.
    const page = PublicQuotePageSchema.parse(res.body);
    expect(page.issuer).toMatchObject({ name: 'VELOSI', phone: expect.any(String) });
    expect(page.issuer.address.length).toBeGreaterThan(0);
    expect(page.salesperson?.name).toBeTruthy();
    const json = JSON.stringify(res.body);
    for (const key of PRIVATE_KEYS) expect(json).not.toContain(`"${key}"`);
    expect(json).not.toContain('Remise MSC');
    expect(json).not.toContain('10050.000'); // the freight line's buy total
    const pdf = await fetch(`${sales.api.url}/api/public/quotes/${token}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('cache-control')).toBe('no-store');
  });

  it('tells everyone the e-mail went to the dev outbox, only an ADMIN where (a server path)', async () => {
    const commercial = await createQuote(as(), quoteBody(client.id));
    const byCommercial = await as().post<QuoteSendResult>(`/api/quotes/${commercial.id}/send`, {
      version: 1,
      recipients: ['amel@textiles-sahel.tn'],
    });
    expect(byCommercial.status).toBe(200);
    expect(byCommercial.body.messageId).toBeTruthy();
    expect(byCommercial.body).not.toHaveProperty('outboxPath');
    // The commercial still learns the client received nothing (README: the SPA says so).
    expect(byCommercial.body.outbox).toBe(true);
    // So does the history: the e-mail entry is flagged, the timeline then says "not sent".
    const timeline = await as().get<{
      items: { action?: string; changes?: { field: string; after: unknown }[] }[];
    }>(`/api/quotes/${commercial.id}/timeline`);
    const email = timeline.body.items.find((i) => i.action === 'email');
    expect(email?.changes).toContainEqual(expect.objectContaining({ field: 'outbox', after: true }));
    const admin = await createQuote(sales.as.admin, quoteBody(client.id));
    const byAdmin = await sales.as.admin.post<QuoteSendResult>(`/api/quotes/${admin.id}/send`, {
      version: 1,
      recipients: ['amel@textiles-sahel.tn'],
    });
    expect(byAdmin.body.outboxPath).toContain(outbox);
    expect(byAdmin.body.outbox).toBe(true);
  });

  it('answers 404 for a wrong token, a uuid, a numeric id or a quote number', async () => {
    const { quote } = await sentQuote();
    for (const bad of [
      randomBytes(16).toString('base64url'),
      quote.id,
      randomUUID(),
      '42',
      quote.number,
      'x'.repeat(22),
    ]) {
      expect((await publicJson(sales, `/api/public/quotes/${bad}`)).status, bad).toBe(404);
      expect((await publicJson(sales, `/api/public/quotes/${bad}/accept`, {})).status, bad).toBe(404);
    }
  });

  it('accepts once: the second accept answers 409, and the staff side sees it accepted by the link', async () => {
    const { quote, token } = await sentQuote();
    const first = await publicJson<PublicQuote>(sales, `/api/public/quotes/${token}/accept`, {
      customerReference: 'PO-77',
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('accepted');
    expect((await publicJson(sales, `/api/public/quotes/${token}/accept`, {})).status).toBe(409);
    expect(
      (await publicJson(sales, `/api/public/quotes/${token}/reject`, { reason: 'changed my mind' })).status,
    ).toBe(409);
    const staff = await as().get<Quote>(`/api/quotes/${quote.id}`);
    expect(staff.body).toMatchObject({ status: 'accepted', customerReference: 'PO-77', transport: null });
    // The link still shows the (now accepted) quote until its validity ends.
    expect((await publicJson<PublicQuote>(sales, `/api/public/quotes/${token}`)).body.status).toBe(
      'accepted',
    );
  });

  it('reject needs a reason and records it', async () => {
    const { quote, token } = await sentQuote();
    expect((await publicJson(sales, `/api/public/quotes/${token}/reject`, {})).status).toBe(400);
    expect(
      (await publicJson(sales, `/api/public/quotes/${token}/reject`, { reason: 'Délai trop long', extra: 1 }))
        .status,
    ).toBe(400);
    const res = await publicJson<PublicQuote>(sales, `/api/public/quotes/${token}/reject`, {
      reason: 'Délai trop long',
    });
    expect(res.body.status).toBe('rejected');
    expect((await as().get<Quote>(`/api/quotes/${quote.id}`)).body.statusReason).toBe('Délai trop long');
  });

  it('stops working when revoked, when the quote is revised, cancelled, archived or past its validity', async () => {
    const revoked = await sentQuote();
    expect((await as().delete(`/api/quotes/${revoked.quote.id}/public-link`)).status).toBe(204);
    expect((await publicJson(sales, `/api/public/quotes/${revoked.token}`)).status).toBe(404);
    expect((await sales.as.commercial2.delete(`/api/quotes/${revoked.quote.id}/public-link`)).status).toBe(
      404,
    );

    const revised = await sentQuote();
    await as().post(`/api/quotes/${revised.quote.id}/revise`, { version: revised.quote.version });
    expect((await publicJson(sales, `/api/public/quotes/${revised.token}`)).status).toBe(404);

    const cancelled = await sentQuote();
    await as().post(`/api/quotes/${cancelled.quote.id}/cancel`, { version: cancelled.quote.version });
    expect((await publicJson(sales, `/api/public/quotes/${cancelled.token}`)).status).toBe(404);

    const archived = await sentQuote();
    await as().post(`/api/quotes/${archived.quote.id}/archive`, { version: archived.quote.version });
    expect((await publicJson(sales, `/api/public/quotes/${archived.token}`)).status).toBe(404);

    const expired = await sentQuote({ validUntil: '2021-06-30' });
    expect((await publicJson(sales, `/api/public/quotes/${expired.token}`)).status).toBe(404);
    expect((await publicJson(sales, `/api/public/quotes/${expired.token}/accept`, {})).status).toBe(404);
  });

  it('slows down one address that hammers the public routes (429 with Retry-After)', async () => {
    const token = randomBytes(16).toString('base64url');
    const statuses = await Promise.all(
      Array.from({ length: 130 }, () =>
        fetch(`${sales.api.url}/api/public/quotes/${token}`).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await fetch(`${sales.api.url}/api/public/quotes/${token}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
