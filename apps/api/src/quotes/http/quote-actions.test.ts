import {
  QuoteSendResultSchema,
  type Client,
  type Contact,
  type Lead,
  type Opportunity,
  type Quote,
  type QuoteSendResult,
  subtractAmounts,
  tndIn,
} from '@velosi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { businessToday } from '../../common/business-day.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTI_CURRENCY_PRIVATE_FIGURES } from '../../../test/support/records/quote-fixtures.js';
import {
  createClient,
  createQuote,
  quoteBody,
  startMailingSales,
} from '../../../test/support/records/quotes.js';
import { DATABASES, type SalesApi } from '../../../test/support/sales.js';
import type { TestSmtpServer } from '../../../test/support/services/smtp.js';
import { auditLog } from '../../audit/audit-log.table.js';
import { clients, contacts } from '../../clients/clients.table.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';

interface Problem {
  type: string;
  status: number;
}

describe.each(DATABASES)('quote actions on %s', (target) => {
  let smtp: TestSmtpServer;
  let sales: SalesApi;
  let client: Client;
  let contact: Contact;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const as = () => sales.as.commercial1;
  const send = (id: string, body: Record<string, unknown>) =>
    as().post<QuoteSendResult>(`/api/quotes/${id}/send`, body);
  const auditActions = async (entity: string, id: string) =>
    (
      await db()
        .select({ action: auditLog.action, actor: auditLog.actor })
        .from(auditLog)
        .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
        .orderBy(auditLog.id)
    ).map((a) => a.action);

  beforeAll(async () => {
    ({ smtp, sales, client, contact } = await startMailingSales(
      target,
      'Textiles du Sahel SA',
      'amel@textiles-sahel.tn',
      { city: 'Monastir' },
    ));
  });
  afterAll(async () => {
    await sales?.close();
    await smtp?.close();
  });

  it('send e-mails the PDF to the contact through SMTP, marks the quote sent and makes a public link', async () => {
    const quote = await createQuote(as(), quoteBody(client.id, { contactId: contact.id }));
    const arriving = smtp.nextMail();
    const res = await send(quote.id, { version: 1, message: 'Tarif spécial conteneurs.' });
    expect(res.status).toBe(200);
    const result = QuoteSendResultSchema.parse(res.body);
    expect(result).toMatchObject({ status: 'sent', recipients: ['amel@textiles-sahel.tn'] });
    expect(result.outboxPath).toBeUndefined();
    expect(result.outbox).toBe(false);
    expect(result.publicUrl).toMatch(/^https:\/\/erp\.velosi\.test\/q\/[A-Za-z0-9_-]{22}$/);
    expect(result.quote).toMatchObject({ status: 'sent', version: 2 });
    expect(result.quote.sentAt).not.toBeNull();

    const mail = await arriving;
    expect(mail.envelopeTo).toEqual(['amel@textiles-sahel.tn']);
    expect(mail.parsed.messageId).toBe(result.messageId);
    expect(mail.parsed.subject).toBe(`Cotation ${quote.number} – ${quote.title}`);
    expect(mail.parsed.text).toContain('Bonjour Amel Ben Salah,');
    expect(mail.parsed.text).toContain('Tarif spécial conteneurs.');
    expect(mail.parsed.text).toContain(result.publicUrl);
    const [attachment] = mail.parsed.attachments;
    expect(attachment).toMatchObject({ filename: `${quote.number}.pdf`, contentType: 'application/pdf' });
    const pdf = new Uint8Array(attachment?.content ?? Buffer.alloc(0));
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    const flat = text.replace(/[\u00a0\u202f]/g, ' ');
    expect(flat).toContain(quote.number);
    expect(flat).toContain('14 511,717 TND');
    for (const secret of MULTI_CURRENCY_PRIVATE_FIGURES.fr) expect(flat).not.toContain(secret);
    expect(await auditActions('quote', quote.id)).toEqual(['create', 'send', 'email']);

    // Sending again (another address) keeps it sent and mails the new recipient only.
    const again = smtp.nextMail();
    const resent = await send(quote.id, { version: 2, recipients: ['achat@textiles-sahel.tn'] });
    expect(resent.body).toMatchObject({ status: 'sent', recipients: ['achat@textiles-sahel.tn'] });
    expect((await again).parsed.text).toContain('Bonjour Madame, Monsieur,');
  });

  it('send without any address marks the quote sent without an e-mail; a refused relay changes nothing', async () => {
    const quote = await createQuote(as(), quoteBody(client.id));
    const quiet = await send(quote.id, { version: 1 });
    expect(quiet.body).toMatchObject({ status: 'sent', recipients: [], messageId: null });

    smtp.refuseRecipients = true; // the relay will not take the message
    const other = await createQuote(as(), quoteBody(client.id));
    const failed = await send(other.id, { version: 1, recipients: ['x@client.tn'] });
    expect(failed.status).toBe(502);
    expect((await as().get<Quote>(`/api/quotes/${other.id}`)).body).toMatchObject({
      status: 'draft',
      version: 1,
    });
    smtp.refuseRecipients = false;
  });

  it('reject records the reason; cancel withdraws; invalid transitions answer 409', async () => {
    const quote = await createQuote(as(), quoteBody(client.id));
    expect(
      (await as().post<Problem>(`/api/quotes/${quote.id}/accept`, { version: 1, transport: {} })).status,
    ).toBe(409);
    expect(
      (await as().post<Problem>(`/api/quotes/${quote.id}/reject`, { version: 1, reason: 'x' })).body.type,
    ).toBe('/problems/invalid-state');
    await send(quote.id, { version: 1 });
    const rejected = await as().post<Quote>(`/api/quotes/${quote.id}/reject`, {
      version: 2,
      reason: 'Trop cher',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: 'Trop cher', version: 3 });
    expect(rejected.body.decidedAt).not.toBeNull();
    expect((await as().post(`/api/quotes/${quote.id}/cancel`, { version: 3 })).status).toBe(409);
    const draft = await createQuote(as(), quoteBody(client.id));
    const cancelled = await as().post<Quote>(`/api/quotes/${draft.id}/cancel`, {
      version: 1,
      reason: 'Doublon',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'Doublon' });
    expect((await as().post(`/api/quotes/${quote.id}/reject`, { version: 2, reason: 'stale' })).status).toBe(
      409,
    );
  });

  it('revise makes Qxxxx-v2 as a draft pointing at its parent, which is superseded', async () => {
    const quote = await createQuote(as(), quoteBody(client.id));
    await send(quote.id, { version: 1 });
    const res = await as().post<Quote>(`/api/quotes/${quote.id}/revise`, { version: 2 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: `${quote.number}-v2`,
      revision: 2,
      revisedFromId: quote.id,
      status: 'draft',
      version: 1,
      totals: quote.totals,
    });
    expect(res.body.items.map((l) => l.sellTotalTnd)).toEqual(quote.items.map((l) => l.sellTotalTnd));
    expect((await as().get<Quote>(`/api/quotes/${quote.id}`)).body.status).toBe('superseded');
    expect((await as().post(`/api/quotes/${quote.id}/revise`, { version: 3 })).status).toBe(409);
    await send(res.body.id, { version: 1 });
    const v3 = await as().post<Quote>(`/api/quotes/${res.body.id}/revise`, { version: 2 });
    expect(v3.body.number).toBe(`${quote.number}-v3`);
  });

  it('duplicate makes a new draft with a new number, for the same or another client', async () => {
    const quote = await createQuote(as(), quoteBody(client.id, { contactId: contact.id }));
    await send(quote.id, { version: 1 });
    const copy = await as().post<Quote>(`/api/quotes/${quote.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      status: 'draft',
      revision: 1,
      clientId: client.id,
      contactId: contact.id,
    });
    expect(copy.body.number).not.toBe(quote.number);
    const otherClient = await createClient(as(), 'Autre Client');
    const moved = await as().post<Quote>(`/api/quotes/${quote.id}/duplicate`, { clientId: otherClient.id });
    expect(moved.body).toMatchObject({ clientId: otherClient.id, contactId: null, opportunityId: null });
    expect((await as().get<Quote>(`/api/quotes/${quote.id}`)).body.status).toBe('sent');
    const foreign = await createClient(sales.as.commercial2, 'Client de commercial2');
    expect((await as().post(`/api/quotes/${quote.id}/duplicate`, { clientId: foreign.id })).status).toBe(400);
  });

  it('accepting a lead-only quote creates the client and its contact and wins the opportunity, in one transaction', async () => {
    const lead = (
      await as().post<Lead>('/api/leads', {
        fullName: 'Karim Trabelsi',
        company: 'Dattes de Tozeur',
        email: 'karim@dattes-tozeur.tn',
        phone: '+216 76 000 000',
      })
    ).body;
    const opportunity = (
      await as().post<Opportunity>('/api/opportunities', { title: 'Export dattes', leadId: lead.id })
    ).body;
    const quote = await createQuote(as(), {
      ...quoteBody(client.id),
      clientId: undefined,
      leadId: lead.id,
      opportunityId: opportunity.id,
    });
    const sent = await send(quote.id, { version: 1 });
    expect(sent.body.recipients).toEqual(['karim@dattes-tozeur.tn']); // the prospect's own address

    // A constraint that refuses closed_won makes the last step fail: nothing of the rest may stay.
    await db().execute(
      sql`alter table opportunities add constraint test_refuse_won check (stage <> 'closed_won') not valid`,
    );
    const failed = await as().post(`/api/quotes/${quote.id}/accept`, { version: 2, transport: {} });
    await db().execute(sql`alter table opportunities drop constraint test_refuse_won`);
    expect(failed.status).toBe(500);
    expect((await db().select().from(clients).where(eq(clients.name, 'Dattes de Tozeur'))).length).toBe(0);
    expect((await as().get<Lead>(`/api/leads/${lead.id}`)).body.status).toBe('new');
    expect((await as().get<Quote>(`/api/quotes/${quote.id}`)).body).toMatchObject({
      status: 'sent',
      version: 2,
    });

    const res = await as().post<Quote>(`/api/quotes/${quote.id}/accept`, {
      version: 2,
      transport: { carrierName: 'MSC', vesselName: 'MSC Tunis', etd: '2026-03-02', eta: '2026-03-06' },
      customerReference: 'PO-2026-118',
    });
    expect(res.status).toBe(200);
    const accepted = res.body;
    const rate = accepted.totals.quoteCurrency?.exchangeRate ?? '';
    expect(accepted).toMatchObject({
      status: 'accepted',
      leadId: lead.id,
      customerReference: 'PO-2026-118',
      transport: { carrierName: 'MSC', vesselName: 'MSC Tunis', etd: '2026-03-02', eta: '2026-03-06' },
    });
    expect(accepted.clientId).not.toBeNull();
    const newClient = (await as().get<Client>(`/api/clients/${accepted.clientId}`)).body;
    expect(newClient).toMatchObject({ name: 'Dattes de Tozeur', currency: 'EUR', assignedTo: [as().sub] });
    const [primary] = await db().select().from(contacts).where(eq(contacts.clientId, newClient.id));
    expect(primary).toMatchObject({
      firstName: 'Karim',
      lastName: 'Trabelsi',
      isPrimary: true,
      emails: ['karim@dattes-tozeur.tn'],
    });
    expect(accepted.contactId).toBe(primary?.id);
    expect((await as().get<Lead>(`/api/leads/${lead.id}`)).body).toMatchObject({
      status: 'converted',
      convertedClientId: newClient.id,
      convertedOpportunityId: opportunity.id,
    });
    expect((await as().get<Opportunity>(`/api/opportunities/${opportunity.id}`)).body).toMatchObject({
      stage: 'closed_won',
      probability: 100,
      clientId: newClient.id,
      closeReason: `Quote ${quote.number} accepted`,
      // Won at what was accepted before tax less the débours (in the quote's EUR), closed today.
      value: {
        amount: tndIn(subtractAmounts(accepted.totals.sellTnd, accepted.totals.disbursementsTnd), rate),
        currency: 'EUR',
      },
      expectedCloseDate: businessToday(),
    });
    expect(accepted.totals.vatTnd).not.toBe('0.000'); // the VAT is not the deal's
    expect(accepted.totals.disbursementsTnd).not.toBe('0.000'); // nor are the débours
    expect(await auditActions('quote', quote.id)).toEqual(['create', 'send', 'email', 'accept']);
    expect(await auditActions('lead', lead.id)).toContain('convert');
    expect(await auditActions('opportunity', opportunity.id)).toContain('stage_change');
  });

  it('expires sent quotes past validity: on read at once, and in the table through the sweep', async () => {
    const quote = await createQuote(as(), quoteBody(client.id, { validUntil: '2020-01-31' }));
    await send(quote.id, { version: 1 });
    const read = await as().get<Quote>(`/api/quotes/${quote.id}`);
    expect(read.body.status).toBe('expired');
    expect(
      (await as().get<{ items: Quote[] }>('/api/quotes?status=expired&pageSize=100')).body.items.map(
        (q) => q.id,
      ),
    ).toContain(quote.id);
    const ids = async (filter: string) =>
      (await as().get<{ items: Quote[] }>(`/api/quotes?${filter}&pageSize=100`)).body.items.map((q) => q.id);
    expect(await ids('status=sent')).not.toContain(quote.id);
    expect(await ids('status=sent,draft')).not.toContain(quote.id);
    expect(await ids('status=draft,expired')).toContain(quote.id);
    expect((await as().post(`/api/quotes/${quote.id}/accept`, { version: 2, transport: {} })).status).toBe(
      409,
    );
    const { QuoteExpirySweep } = await import('../jobs/quote-expiry.js');
    expect(await sales.api.app.get(QuoteExpirySweep).sweep()).toBeGreaterThanOrEqual(1);
    expect((await as().get<Quote>(`/api/quotes/${quote.id}`)).body).toMatchObject({
      status: 'expired',
      version: 3,
    });
    expect(await auditActions('quote', quote.id)).toEqual(['create', 'send', 'expire']);
    const revised = await as().post<Quote>(`/api/quotes/${quote.id}/revise`, { version: 3 });
    expect(revised.status).toBe(201);
  });
});
