import type {
  Client,
  ClientReceivableDetail,
  Invoice,
  InvoicePage,
  ReceivablesPage,
} from '@velosi/contracts';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inDays } from '../../../test/support/records/invoices.js';
import { invoiceOf, issuedInvoice, paid, pay } from '../../../test/support/records/payments.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { invoices } from '../persistence/invoices.table.js';

// "Overdue" means something is still open AND the due date has passed: an invoice paid in full
// after its due date is paid, never overdue, in every place that reads the rule.
describe.each(DATABASES)('overdue invoices on %s', (target) => {
  let sales: SalesApi;
  let paidClient: Client;
  let lateClient: Client;
  let paidLate: Invoice;
  let openLate: Invoice;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    paidClient = await createClient(sales.as.commercial1, 'Dattes de Tozeur');
    lateClient = await createClient(sales.as.commercial1, 'Huilerie de Sfax');
    paidLate = await issuedInvoice(sales.as.finance1, paidClient.id);
    openLate = await issuedInvoice(sales.as.finance1, lateClient.id);
    await paid(pay(sales.as.finance1, paidClient.id, [{ invoiceId: paidLate.id, amount: '1191.000' }]));
    await paid(pay(sales.as.finance1, lateClient.id, [{ invoiceId: openLate.id, amount: '191.000' }]));
    // Both fell due 10 days ago: issued documents are frozen, so the test lifts the trigger to age them.
    const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    await db.execute(sql`alter table invoices disable trigger invoices_issued_frozen`);
    await db
      .update(invoices)
      .set({ dueDate: inDays(-10) })
      .where(inArray(invoices.id, [paidLate.id, openLate.id]));
    await db.execute(sql`alter table invoices enable trigger invoices_issued_frozen`);
  });
  afterAll(async () => {
    await sales?.close();
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
});
