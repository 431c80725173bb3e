import {
  DashboardSchema,
  type Client,
  type ClientReceivableDetail,
  type InvoicePage,
  type ReceivablesPage,
  type ReminderSendResult,
} from '@velosi/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, inDays, issue, pdfText } from '../../test/support/records/invoices.js';
import { issuedInvoice, paid, pay } from '../../test/support/records/payments.js';
import { createClient } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/services/smtp.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { invoices } from '../invoices/persistence/invoices.table.js';

describe.each(DATABASES)('receivables on %s', (target) => {
  let sales: SalesApi;
  let smtp: TestSmtpServer;
  let client: Client;
  const asOf = inDays(100);

  /** Issues an invoice of `unitPrice` net with the client's payment terms set to `days` first. */
  async function invoiceDueIn(days: number, unitPrice: string) {
    const current = (await sales.as.admin.get<Client>(`/api/clients/${client.id}`)).body;
    const res = await sales.as.admin.patch<Client>(`/api/clients/${client.id}`, {
      version: current.version,
      paymentTermsDays: days,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return issuedInvoice(sales.as.finance1, client.id, unitPrice);
  }

  /**
   * Moves the due date of the client's first open invoice to today + `days`: issued documents are
   * frozen, so the test lifts the trigger to seed it.
   */
  async function ageFirstOpenInvoice(days: number) {
    const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    const [first] = (await sales.as.finance1.get<ClientReceivableDetail>(`/api/receivables/${client.id}`))
      .body.invoices;
    await db.execute(sql`alter table invoices disable trigger invoices_issued_frozen`);
    await db
      .update(invoices)
      .set({ dueDate: inDays(days) })
      .where(eq(invoices.id, first?.invoiceId ?? ''));
    await db.execute(sql`alter table invoices enable trigger invoices_issued_frozen`);
    return first;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sales = await startSalesApi(target, { SMTP_URL: smtp.url });
    client = await createClient(sales.as.commercial1, 'Agrumes du Cap Bon', {
      legalName: 'Agrumes du Cap Bon SARL',
      email: 'compta@agrumes-capbon.tn',
      city: 'Nabeul',
    });
    // Due today + 0, 30, 60, 90, 120 days; totals: net + 19 % VAT + 1.000 stamp duty.
    const oldest = await invoiceDueIn(0, '1000.000'); // 1191.000
    await invoiceDueIn(30, '2000.000'); // 2381.000
    await invoiceDueIn(60, '3000.000'); // 3571.000
    await invoiceDueIn(90, '4000.000'); // 4761.000
    await invoiceDueIn(120, '5000.000'); // 5951.000
    await paid(pay(sales.as.finance1, client.id, [{ invoiceId: oldest.id, amount: '191.000' }]));
  });
  afterAll(async () => {
    await sales?.close();
    await smtp?.close();
  });

  it('ages the open amounts per client at a given date, summed in SQL', async () => {
    // At today + 100 days: 100, 70, 40, 10 days past due and one not due (20 days left).
    const res = await sales.as.finance1.get<ReceivablesPage>(
      `/api/receivables?asOf=${asOf}&clientId=${client.id}`,
    );
    expect(res.status).toBe(200);
    const expected = {
      notDueTnd: '5951.000',
      days0to30Tnd: '4761.000',
      days31to60Tnd: '3571.000',
      days61to90Tnd: '2381.000',
      over90Tnd: '1000.000',
      overdueTnd: '11713.000',
      balanceTnd: '17664.000',
    };
    expect(res.body).toMatchObject({ asOf, total: 1, totals: expected });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        clientId: client.id,
        openInvoices: 5,
        oldestDueDate: inDays(0),
        ...expected,
      }),
    ]);
    const today = await sales.as.finance1.get<ClientReceivableDetail>(`/api/receivables/${client.id}`);
    expect(today.body).toMatchObject({
      notDueTnd: '17664.000',
      overdueTnd: '0.000',
      balanceTnd: '17664.000',
    });
    expect(today.body.invoices.map((i) => i.paymentStatus)).toEqual([
      'partially_paid',
      'unpaid',
      'unpaid',
      'unpaid',
      'unpaid',
    ]);
    const later = await sales.as.finance1.get<ClientReceivableDetail>(
      `/api/receivables/${client.id}?asOf=${asOf}`,
    );
    expect(later.body.invoices.map((i) => [i.daysPastDue, i.openAmount])).toEqual([
      [100, '1000.000'],
      [70, '2381.000'],
      [40, '3571.000'],
      [10, '4761.000'],
      [-20, '5951.000'],
    ]);
  });

  it('names the client as its invoices do (the legal name), found by either name', async () => {
    const invoiceNames = (
      await sales.as.finance1.get<InvoicePage>(`/api/invoices?clientId=${client.id}`)
    ).body.items.map((i) => i.clientName);
    expect(new Set(invoiceNames)).toEqual(new Set(['Agrumes du Cap Bon SARL']));
    for (const q of ['Cap Bon SARL', 'agrumes du cap']) {
      const page = await sales.as.finance1.get<ReceivablesPage>(
        `/api/receivables?q=${encodeURIComponent(q)}&sort=clientName:asc`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.find((i) => i.clientId === client.id)?.clientName).toBe(
        'Agrumes du Cap Bon SARL',
      );
    }
    const detail = await sales.as.finance1.get<ClientReceivableDetail>(`/api/receivables/${client.id}`);
    expect(detail.body.clientName).toBe('Agrumes du Cap Bon SARL');
  });

  it('a COMMERCIAL reads the balances of their own clients only; OPERATIONS none', async () => {
    const own = await sales.as.commercial1.get<ReceivablesPage>('/api/receivables');
    expect(own.body.items.map((i) => i.clientId)).toContain(client.id);
    const other = await sales.as.commercial2.get<ReceivablesPage>('/api/receivables');
    expect(other.status).toBe(200);
    expect(other.body.items.map((i) => i.clientId)).not.toContain(client.id);
    expect((await sales.as.commercial2.get(`/api/receivables/${client.id}`)).status).toBe(404);
    expect((await sales.as.commercial2.raw(`/api/receivables/${client.id}/statement.pdf`)).status).toBe(404);
    expect((await sales.as.ops1.get('/api/receivables')).status).toBe(403);
    expect((await sales.as.commercial1.post(`/api/receivables/${client.id}/reminder`, {})).status).toBe(403);
  });

  it('prints the statement of account in French, or English on request', async () => {
    const res = await sales.as.commercial1.raw(`/api/receivables/${client.id}/statement.pdf?asOf=${asOf}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const text = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('Relevé de compte');
    expect(text).toContain('Agrumes du Cap Bon SARL');
    expect(text).toContain('Solde dû');
    expect(text).toContain('17 664,000');
    expect(text).toContain('1 000,000');
    // Amount, settled and open each name their currency.
    expect(text).toContain('1 191,000 TND 191,000 TND 1 000,000 TND');
    const en = await sales.as.finance1.raw(
      `/api/receivables/${client.id}/statement.pdf?asOf=${asOf}&lang=en`,
    );
    const english = await pdfText(Buffer.from(await en.arrayBuffer()));
    expect(english).toContain('Statement of account');
    expect(english).toContain('Balance due');
  });

  it('e-mails the overdue list (FR/EN) and the credit limit counts only what is still open', async () => {
    const nothing = await sales.as.finance1.post(`/api/receivables/${client.id}/reminder`, {});
    expect(nothing.status).toBe(409);
    const oldest = await ageFirstOpenInvoice(-45);
    const arriving = smtp.nextMail();
    const res = await sales.as.finance1.post<ReminderSendResult>(
      `/api/receivables/${client.id}/reminder`,
      {},
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      recipients: ['compta@agrumes-capbon.tn'],
      overdueInvoices: 1,
      overdueTnd: '1000.000',
    });
    const mail = await arriving;
    expect(mail.envelopeTo).toEqual(['compta@agrumes-capbon.tn']);
    expect(mail.parsed.subject).toContain('Relance');
    expect(mail.parsed.text).toContain(oldest?.number);
    expect(mail.parsed.text?.replace(/[\u00a0\u202f]/g, ' ')).toContain('1 000,000 TND');
    const englishMail = smtp.nextMail();
    await sales.as.admin.post(`/api/receivables/${client.id}/reminder`, {
      language: 'en',
      recipients: ['ap@example.com'],
    });
    expect((await englishMail).parsed.subject).toContain('Reminder: overdue invoices');

    // Credit limit 20000.000: open 17664.000 + 2381.000 exceeds it; paying 1000.000 makes room.
    const current = (await sales.as.admin.get<Client>(`/api/clients/${client.id}`)).body;
    await sales.as.admin.patch(`/api/clients/${client.id}`, {
      version: current.version,
      creditLimit: '20000.000',
    });
    const draft = await created(
      sales.as.finance1.post('/api/invoices', {
        clientId: client.id,
        lines: [{ description: 'Transit Radès', quantity: '1', unitPrice: '2000.000', vatRate: 19 }],
      }),
    );
    const refused = await sales.as.finance1.post(`/api/invoices/${draft.id}/issue`, {
      version: draft.version,
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('open balance 17664.000');
    await paid(
      pay(sales.as.finance1, client.id, [{ invoiceId: oldest?.invoiceId ?? '', amount: '1000.000' }]),
    );
    expect((await issue(sales.as.finance1, draft)).status).toBe('issued');
  });

  it("gives FINANCE and ADMIN the receivables page's totals on the dashboard, nobody else", async () => {
    // Left by the tests above: 2381.000 (due in 30 days), 3571.000, 4761.000, 5951.000 and the
    // 2381.000 issued last (due in 120 days); the oldest is paid. Age the 30-day one 10 days past due.
    await ageFirstOpenInvoice(-10);

    const page = (await sales.as.finance1.get<ReceivablesPage>('/api/receivables')).body;
    for (const user of [sales.as.finance1, sales.as.admin]) {
      const res = await user.get('/api/dashboard');
      expect(res.status).toBe(200);
      const { receivables } = DashboardSchema.parse(res.body);
      expect(receivables).toEqual({ totals: page.totals, openInvoices: 5, overdueInvoices: 1 });
      expect(receivables?.totals).toMatchObject({ balanceTnd: '19045.000', overdueTnd: '2381.000' });
    }
    // The same invoice is the one the invoice list calls overdue.
    const overdue = await sales.as.finance1.get<{ total: number }>('/api/invoices?paymentStatus=overdue');
    expect(overdue.body.total).toBe(1);
    for (const user of [sales.as.commercial1, sales.as.ops1]) {
      expect(DashboardSchema.parse((await user.get('/api/dashboard')).body).receivables).toBeNull();
    }
  });

  // A tester's month-end ageing ("situation au 31/10") counted a December invoice and payments of
  // later days: the past is read as it stood at the end of that day.
  it('at a past date: the invoices issued by then, less what was credited and paid by then', async () => {
    const other = await createClient(sales.as.commercial1, 'Conserverie de Kélibia');
    const old = await issuedInvoice(sales.as.finance1, other.id, '1000.000'); // 1191.000
    await issuedInvoice(sales.as.finance1, other.id, '500.000'); // 596.000, issued today
    const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    await db.execute(sql`alter table invoices disable trigger invoices_issued_frozen`);
    await db
      .update(invoices)
      .set({ invoiceDate: inDays(-40), dueDate: inDays(-10) })
      .where(eq(invoices.id, old.id));
    await db.execute(sql`alter table invoices enable trigger invoices_issued_frozen`);
    await paid(
      pay(sales.as.finance1, other.id, [{ invoiceId: old.id, amount: '191.000' }], {
        receivedOn: inDays(-5),
      }),
    );
    await created(
      sales.as.finance1.post(`/api/invoices/${old.id}/credit-notes`, {
        reason: 'Remise',
        lines: [{ invoiceLineId: old.lines[0]!.id, quantity: '0.5' }],
      }),
    ); // 595.000 credited today
    const at = async (day: string) => {
      const res = await sales.as.finance1.get<ClientReceivableDetail>(
        `/api/receivables/${other.id}?asOf=${day}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    // 20 days ago: the old invoice alone, not due for 10 more days, nothing paid or credited yet.
    const before = await at(inDays(-20));
    expect(before.invoices.map((i) => [i.number, i.openAmount, i.paidAmount, i.daysPastDue])).toEqual([
      [old.number, '1191.000', '0.000', -10],
    ]);
    expect(before).toMatchObject({ notDueTnd: '1191.000', balanceTnd: '1191.000' });
    // 3 days ago: 7 days late, the payment of 5 days ago counted, the credit note of today not yet.
    const paidBy = await at(inDays(-3));
    expect(
      paidBy.invoices.map((i) => [i.openAmount, i.paidAmount, i.creditedAmount, i.paymentStatus]),
    ).toEqual([['1000.000', '191.000', '0.000', 'overdue']]);
    expect(paidBy).toMatchObject({
      days0to30Tnd: '1000.000',
      overdueTnd: '1000.000',
      balanceTnd: '1000.000',
    });
    // Today: both invoices, the credit note counted (1191 − 191 − 595 = 405, plus 596).
    expect((await at(inDays(0))).balanceTnd).toBe('1001.000');
  });
});
