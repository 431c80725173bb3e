import type {
  Client,
  ClientReceivableDetail,
  Invoice,
  InvoicePage,
  ReceivablesPage,
} from '@velosi/contracts';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, inDays, issue } from '../../../test/support/records/invoices.js';
import { invoiceOf, issuedInvoice, paid, pay } from '../../../test/support/records/payments.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/services/smtp.js';
import { documentFormat } from '../../documents/document-format.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { invoices } from '../persistence/invoices.table.js';

// "Overdue" means something is still open AND the due date has passed: an invoice paid in full
// after its due date is paid, never overdue, in every place that reads the rule.
describe.each(DATABASES)('overdue invoices on %s', (target) => {
  let sales: SalesApi;
  let smtp: TestSmtpServer;
  let paidClient: Client;
  let englishClient: Client;
  let englishLate: Invoice;
  let lateClient: Client;
  let paidLate: Invoice;
  let openLate: Invoice;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sales = await startSalesApi(target, { SMTP_URL: smtp.url });
    paidClient = await createClient(sales.as.commercial1, 'Dattes de Tozeur');
    lateClient = await createClient(sales.as.commercial1, 'Huilerie de Sfax');
    englishClient = await createClient(sales.as.commercial1, 'Malta Olive Traders', { language: 'en' });
    paidLate = await issuedInvoice(sales.as.finance1, paidClient.id);
    openLate = await issuedInvoice(sales.as.finance1, lateClient.id);
    englishLate = await issuedInvoice(sales.as.finance1, englishClient.id);
    await paid(pay(sales.as.finance1, paidClient.id, [{ invoiceId: paidLate.id, amount: '1191.000' }]));
    await paid(pay(sales.as.finance1, lateClient.id, [{ invoiceId: openLate.id, amount: '191.000' }]));
    // Both fell due 10 days ago: issued documents are frozen, so the test lifts the trigger to age them.
    const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    await db.execute(sql`alter table invoices disable trigger invoices_issued_frozen`);
    await db
      .update(invoices)
      .set({ dueDate: inDays(-10) })
      .where(inArray(invoices.id, [paidLate.id, openLate.id, englishLate.id]));
    await db.execute(sql`alter table invoices enable trigger invoices_issued_frozen`);
  });
  afterAll(async () => {
    await sales?.close();
    await smtp?.close();
  });

  it('reads a paid invoice past its due date as paid, an open one as overdue', async () => {
    expect(await invoiceOf(sales.as.finance1, paidLate.id)).toMatchObject({
      paymentStatus: 'paid',
      openAmount: '0.000',
      overdue: false,
    });
    expect(await invoiceOf(sales.as.finance1, openLate.id)).toMatchObject({
      paymentStatus: 'overdue',
      openAmount: '1000.000',
      overdue: true,
    });
  });

  it('filters the list on the same rule', async () => {
    const ids = async (query: string) => {
      const res = await sales.as.finance1.get<InvoicePage>(`/api/invoices?${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((i) => [i.id, i.overdue]);
    };
    expect(await ids(`clientId=${paidClient.id}&overdue=true`)).toEqual([]);
    expect(await ids(`clientId=${paidClient.id}&overdue=false`)).toEqual([[paidLate.id, false]]);
    expect(await ids(`clientId=${paidClient.id}&paymentStatus=overdue`)).toEqual([]);
    expect(await ids(`clientId=${lateClient.id}&overdue=true`)).toEqual([[openLate.id, true]]);
  });

  it('counts only the open invoice in receivables and reminders', async () => {
    const overdueOnly = await sales.as.finance1.get<ReceivablesPage>('/api/receivables?overdueOnly=true');
    const clientIds = overdueOnly.body.items.map((i) => i.clientId);
    expect(clientIds).toContain(lateClient.id);
    expect(clientIds).not.toContain(paidClient.id);
    const paidDetail = await sales.as.finance1.get<ClientReceivableDetail>(
      `/api/receivables/${paidClient.id}`,
    );
    expect(paidDetail.body).toMatchObject({ overdueTnd: '0.000', balanceTnd: '0.000', invoices: [] });
    const lateDetail = await sales.as.finance1.get<ClientReceivableDetail>(
      `/api/receivables/${lateClient.id}`,
    );
    expect(lateDetail.body).toMatchObject({ overdueTnd: '1000.000', days0to30Tnd: '1000.000' });
    const reminder = await sales.as.finance1.post(`/api/receivables/${paidClient.id}/reminder`, {});
    expect(reminder.status).toBe(409);
  });

  /** The text of the mail `POST /api/invoices/:id/send` delivers, no-break spaces as spaces. */
  const sentText = async (id: string): Promise<string> => {
    const arriving = smtp.nextMail();
    const res = await sales.as.finance1.post(`/api/invoices/${id}/send`, {
      recipients: ['compta@client.example'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return ((await arriving).parsed.text ?? '').replace(/[\u00a0\u202f]/g, ' ');
  };

  it('an overdue invoice is mailed as overdue since its due date, with what is left to pay', async () => {
    const dueFr = documentFormat('fr').date(inDays(-10));
    const french = await sentText(openLate.id);
    expect(french).toContain(`d'un montant de 1 191,000 TND, échue depuis le ${dueFr}.`);
    expect(french).toContain('Il reste 1 000,000 TND à régler.');
    expect(french).not.toContain('à régler avant');
    const english = await sentText(englishLate.id);
    expect(english).toContain(`of 1,191.000 TND, overdue since ${documentFormat('en').date(inDays(-10))}.`);
    expect(english).not.toContain('remains to be paid');
  });

  it('an invoice not yet due is mailed with its due date; a paid one with none', async () => {
    const current = await issuedInvoice(sales.as.finance1, lateClient.id);
    const dueFr = documentFormat('fr').date(current.dueDate ?? '');
    expect(await sentText(current.id)).toContain(
      `d'un montant de 1 191,000 TND, à régler avant le ${dueFr}.`,
    );
    const settled = await sentText(paidLate.id);
    expect(settled).toContain("d'un montant de 1 191,000 TND.");
    expect(settled).not.toMatch(/échue|à régler/);
  });

  it('a euro invoice is mailed in euros, its TND equivalent beside, what remains in euros', async () => {
    const draft = await created(
      sales.as.finance1.post('/api/invoices', {
        clientId: lateClient.id,
        currency: 'EUR',
        exchangeRate: '3.4',
        lines: [{ description: 'Fret Marseille', quantity: '1', unitPrice: '500', vatRate: 19 }],
      }),
    );
    const eur = await issue(sales.as.finance1, draft);
    const { totalCurrency, totalTnd } = eur.totals;
    expect(totalCurrency).not.toBeNull();
    await paid(
      pay(sales.as.finance1, lateClient.id, [{ invoiceId: eur.id, amount: '100.000' }], {
        currency: 'EUR',
      }),
    );
    const f = documentFormat('fr');
    const text = await sentText(eur.id);
    expect(text).toContain(
      `d'un montant de ${f.money(totalCurrency ?? '')} EUR (${f.money(totalTnd)} TND), à régler avant le`,
    );
    const open = (await invoiceOf(sales.as.finance1, eur.id)).openAmount;
    expect(text).toContain(`Il reste ${f.money(open)} EUR à régler.`);
    expect(text).not.toMatch(/Il reste [^.]*TND/);
  });
});
