import {
  QuoteMailPreviewSchema,
  QuoteSendResultSchema,
  type Client,
  type Contact,
  type QuoteSendResult,
} from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuote, quoteBody, startMailingSales } from '../../../test/support/records/quotes.js';
import { DATABASES, type SalesApi } from '../../../test/support/sales.js';
import type { TestSmtpServer } from '../../../test/support/services/smtp.js';
import { auditLog } from '../../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';

const count = (text: string, word: string) => text.split(word).length - 1;

describe.each(DATABASES)('the quote e-mail on %s', (target) => {
  let smtp: TestSmtpServer;
  let sales: SalesApi;
  let client: Client;
  let contact: Contact;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const as = () => sales.as.commercial1;
  const preview = (id: string, body: Record<string, unknown>) =>
    as().post(`/api/quotes/${id}/send/preview`, { recipients: [], ...body });

  beforeAll(async () => {
    ({ smtp, sales, client, contact } = await startMailingSales(
      target,
      'Céramiques du Sahel SARL',
      'amel@ceramiques-sahel.tn',
      { language: 'fr' },
    ));
  });
  afterAll(async () => {
    await sales?.close();
    await smtp?.close();
  });

  it('previews the template around the message: one greeting, one signature, the default subject', async () => {
    const quote = await createQuote(as(), quoteBody(client.id, { contactId: contact.id }));
    const res = await preview(quote.id, { message: 'Tarif spécial conteneurs.' });
    expect(res.status).toBe(200);
    const mail = QuoteMailPreviewSchema.parse(res.body);
    expect(mail.subject).toBe(`Cotation ${quote.number} – ${quote.title}`);
    expect(mail.text.startsWith('Bonjour Amel Ben Salah,')).toBe(true);
    expect(mail.text).toContain('Tarif spécial conteneurs.');
    expect(mail.text).toContain('https://erp.velosi.test/q/…');
    expect(count(mail.text, 'Bonjour')).toBe(1);
    expect(count(mail.text, 'Cordialement')).toBe(1);
  });

  it('a message that greets and signs is the letter: the template adds neither a greeting nor a signature', async () => {
    const quote = await createQuote(as(), quoteBody(client.id, { contactId: contact.id }));
    const message = 'Bonjour Amel,\n\nComme convenu au téléphone.\n\nCordialement,\nSami';
    const mail = QuoteMailPreviewSchema.parse((await preview(quote.id, { message })).body);
    expect(count(mail.text, 'Bonjour')).toBe(1);
    expect(count(mail.text, 'Cordialement')).toBe(1);
    expect(mail.text.startsWith('Bonjour Amel,')).toBe(true);
    expect(mail.text.trimEnd().endsWith('Cordialement,\nSami')).toBe(true);
    expect(mail.text).toContain(`cotation ${quote.number}`);
  });

  it('sends with the subject and copies given, and records both in the history', async () => {
    const quote = await createQuote(as(), quoteBody(client.id, { contactId: contact.id }));
    const arriving = smtp.nextMail();
    const res = await as().post<QuoteSendResult>(`/api/quotes/${quote.id}/send`, {
      version: 1,
      subject: 'Votre cotation Tunis → Marseille',
      cc: ['achats@ceramiques-sahel.tn', 'amel@ceramiques-sahel.tn'],
    });
    expect(res.status).toBe(200);
    QuoteSendResultSchema.parse(res.body);
    const mail = await arriving;
    expect(mail.parsed.subject).toBe('Votre cotation Tunis → Marseille');
    // The contact is already a recipient: the copy goes to the other address only.
    expect(mail.envelopeTo.sort()).toEqual(['achats@ceramiques-sahel.tn', 'amel@ceramiques-sahel.tn']);
    const [entry] = await db()
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, quote.id), eq(auditLog.action, 'email')));
    expect(entry?.after).toMatchObject({
      subject: 'Votre cotation Tunis → Marseille',
      cc: ['achats@ceramiques-sahel.tn'],
    });
  });

  it('refuses a copy that is not an address, more than five copies, a subject on two lines or too long', async () => {
    const quote = await createQuote(as(), quoteBody(client.id, { contactId: contact.id }));
    const six = Array.from({ length: 6 }, (_, i) => `copy${i}@ceramiques-sahel.tn`);
    for (const body of [
      { cc: ['not an address'] },
      { cc: six },
      { subject: 'Cotation\nBcc: everyone@example.com' },
      { subject: 'x'.repeat(201) },
    ]) {
      expect((await as().post(`/api/quotes/${quote.id}/send`, { version: 1, ...body })).status).toBe(400);
      expect((await preview(quote.id, body)).status).toBe(400);
    }
    expect(smtp.received.every((m) => m.parsed.subject !== 'x'.repeat(201))).toBe(true);
  });
});
