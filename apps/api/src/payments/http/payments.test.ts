import type { Invoice, Payment, PaymentPage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessToday } from '../../common/business-day.js';
import { created } from '../../../test/support/records/invoices.js';
import { invoiceOf, issuedInvoice, paid, pay } from '../../../test/support/records/payments.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';

const YEAR = businessToday().slice(0, 4);

describe.each(DATABASES)('payments on %s', (target) => {
  let sales: SalesApi;
  let clientId: string;
  let otherClientId: string;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    clientId = (await createClient(sales.as.commercial1, 'Huilerie de Sfax', { paymentTermsDays: 30 })).id;
    otherClientId = (await createClient(sales.as.commercial2, 'Céramique Nabeul')).id;
  });
  afterAll(() => sales?.close());

  it('two partial payments, then the invoice is paid; receipts are numbered R{YYYY}', async () => {
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    expect(invoice).toMatchObject({
      totals: { totalTnd: '1191.000' },
      paidAmount: '0.000',
      openAmount: '1191.000',
      paymentStatus: 'unpaid',
    });
    const first = await paid(
      pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '500.000' }]),
    );
    expect(first.number).toMatch(new RegExp(`^R${YEAR}-\\d{5}$`));
    expect(first).toMatchObject({ amount: '500.000', allocatedAmount: '500.000', status: 'recorded' });
    expect(first.allocations).toEqual([
      expect.objectContaining({ invoiceId: invoice.id, invoiceNumber: invoice.number, amount: '500.000' }),
    ]);
    expect(await invoiceOf(sales.as.finance1, invoice.id)).toMatchObject({
      paidAmount: '500.000',
      openAmount: '691.000',
      paymentStatus: 'partially_paid',
    });
    // A cheque of 700.000, 691.000 of it on the invoice: 9.000 stays unallocated.
    const second = await paid(
      pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '691.000' }], {
        method: 'cheque',
        amount: '700.000',
      }),
    );
    expect(second).toMatchObject({ allocatedAmount: '691.000', unallocatedAmount: '9.000' });
    expect(Number(second.number.slice(-5))).toBe(Number(first.number.slice(-5)) + 1);
    expect(await invoiceOf(sales.as.finance1, invoice.id)).toMatchObject({
      paidAmount: '1191.000',
      openAmount: '0.000',
      paymentStatus: 'paid',
    });
    const list = await sales.as.finance1.get<PaymentPage>(
      `/api/payments?invoiceId=${invoice.id}&sort=number:asc`,
    );
    expect(list.body.items.map((p) => p.number)).toEqual([first.number, second.number]);
    const byStatus = await sales.as.finance1.get<{ items: Invoice[] }>(
      `/api/invoices?clientId=${clientId}&paymentStatus=paid`,
    );
    expect(byStatus.body.items.map((i) => i.id)).toContain(invoice.id);
  });

  it('withholding tax settles the invoice with its certificate; none without the certificate', async () => {
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    // Retenue à la source 1.5 % of 1191.000 = 17.865; the client transfers 1173.135.
    const allocation = { invoiceId: invoice.id, amount: '1173.135', withholdingAmount: '17.865' };
    const refused = await pay(sales.as.finance1, clientId, [allocation]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('withholdingCertificateRef');
    const payment = await paid(
      pay(sales.as.finance1, clientId, [allocation], { withholdingCertificateRef: 'CRS-2026-0042' }),
    );
    expect(payment).toMatchObject({
      amount: '1173.135',
      withholdingAmount: '17.865',
      withholdingCertificateRef: 'CRS-2026-0042',
    });
    expect(await invoiceOf(sales.as.finance1, invoice.id)).toMatchObject({
      paidAmount: '1191.000',
      paymentStatus: 'paid',
    });
  });

  it('refuses over-allocation, allocations above the payment, other clients and other currencies', async () => {
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    const over = await pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '1191.001' }]);
    expect(over.status).toBe(400);
    expect(JSON.stringify(over.body)).toContain('1191.000 TND open');
    const aboveCash = await pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '600.000' }], {
      amount: '500.000',
    });
    expect(aboveCash.status).toBe(400);
    const otherClient = await pay(sales.as.finance1, otherClientId, [
      { invoiceId: invoice.id, amount: '1.000' },
    ]);
    expect(otherClient.status).toBe(400);
    const euro = await pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '1.000' }], {
      currency: 'EUR',
    });
    expect(euro.status).toBe(400);
    expect(JSON.stringify(euro.body)).toContain('the invoice is in TND');
    expect((await invoiceOf(sales.as.finance1, invoice.id)).paidAmount).toBe('0.000');
  });

  it('a credit note reduces the open amount', async () => {
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    const [line] = invoice.lines;
    // Half the line credited: 500.000 + VAT 95.000 (no stamp duty back) = 595.000.
    const note = await created(
      sales.as.finance1.post(`/api/invoices/${invoice.id}/credit-notes`, {
        reason: 'Remise commerciale',
        lines: [{ invoiceLineId: line?.id, quantity: '0.5' }],
      }),
    );
    expect(note.totals.totalTnd).toBe('595.000');
    expect(await invoiceOf(sales.as.finance1, invoice.id)).toMatchObject({
      creditedAmount: '595.000',
      openAmount: '596.000',
      paymentStatus: 'unpaid',
    });
    const over = await pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '597.000' }]);
    expect(over.status).toBe(400);
    await paid(pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '596.000' }]));
    expect((await invoiceOf(sales.as.finance1, invoice.id)).paymentStatus).toBe('paid');
  });

  it('a reversal is an audited entry: the payment stays, reversed, and the invoice reopens', async () => {
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    const payment = await paid(
      pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '1191.000' }]),
    );
    expect((await invoiceOf(sales.as.finance1, invoice.id)).paymentStatus).toBe('paid');
    const stale = await sales.as.finance1.post(`/api/payments/${payment.id}/reverse`, {
      version: payment.version + 1,
      reason: 'Chèque impayé',
    });
    expect(stale.status).toBe(409);
    const reversed = await paid(
      sales.as.finance1.post(`/api/payments/${payment.id}/reverse`, {
        version: payment.version,
        reason: 'Chèque impayé',
      }),
      200,
    );
    expect(reversed).toMatchObject({ status: 'reversed', reversalReason: 'Chèque impayé', version: 2 });
    expect(reversed.reversedBy).toBe(sales.as.finance1.sub);
    // A FINANCE reverser is named by the API (the web's staff directory knows only sales staff).
    expect(reversed.reversedByName).toBe('Hichem Mansouri');
    expect(await invoiceOf(sales.as.finance1, invoice.id)).toMatchObject({
      paidAmount: '0.000',
      openAmount: '1191.000',
      paymentStatus: 'unpaid',
    });
    const again = await sales.as.finance1.post(`/api/payments/${payment.id}/reverse`, {
      version: reversed.version,
      reason: 'encore',
    });
    expect(again.status).toBe(409);
    expect((await sales.as.finance1.get<Payment>(`/api/payments/${payment.id}`)).body).toMatchObject({
      status: 'reversed',
      reversedByName: 'Hichem Mansouri',
    });
    expect((await sales.as.finance1.delete(`/api/payments/${payment.id}`)).status).toBe(404);
    const audit = await sales.as.admin.get<{ items: { action: string }[] }>(
      `/api/admin/audit?entity=payment&entityId=${payment.id}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'allocate', 'reverse']),
    );
  });

  it('two payments on one invoice at once never over-settle it', async () => {
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    const answers = await Promise.all(
      [0, 1, 2].map(() => pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '700.000' }])),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
    expect((await invoiceOf(sales.as.finance1, invoice.id)).paidAmount).toBe('700.000');
  });

  it('FINANCE and ADMIN record payments; COMMERCIAL and OPERATIONS do not see them', async () => {
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    expect((await pay(sales.as.admin, clientId, [{ invoiceId: invoice.id, amount: '1.000' }])).status).toBe(
      201,
    );
    expect(
      (await pay(sales.as.commercial1, clientId, [{ invoiceId: invoice.id, amount: '1.000' }])).status,
    ).toBe(403);
    expect((await sales.as.commercial1.get('/api/payments')).status).toBe(403);
    expect((await sales.as.ops1.get('/api/payments')).status).toBe(403);
    const future = await pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '1.000' }], {
      receivedOn: `${Number(YEAR) + 1}-01-01`,
    });
    expect(future.status).toBe(400);
  });
});
