import { type Invoice, type InvoicePage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedQuoteJob } from '../../../test/support/records/jobs.js';
import {
  addRevenue,
  created,
  inDays,
  issue,
  MIXED_LINES,
  pdfBytes,
  pdfText,
} from '../../../test/support/records/invoices.js';
import { createClient } from '../../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../../test/support/sales.js';
import { eq } from 'drizzle-orm';
import { businessToday } from '../../common/business-day.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { invoiceDocuments, invoiceLines, invoices } from '../persistence/invoices.table.js';

const YEAR = businessToday().slice(0, 4);

describe.each(DATABASES)('invoices on %s', (target) => {
  let sales: SalesApi;
  let clientId: string;
  let suspendedId: string;
  let jobId: string;
  /** The job's number as the job read answers it (`SE26-00001`). */
  let jobNumber: string;
  let chargeIds: string[];
  let mixed: Invoice;
  /** A draft of `client` with the THC line (2 × 180 TND at 19 %), and FINANCE's answer to its issue. */
  const draftAndIssue = async (client: string) => {
    const draft = await created(
      sales.as.finance1.post('/api/invoices', { clientId: client, lines: MIXED_LINES.slice(1, 2) }),
    );
    const issued = await sales.as.finance1.post(`/api/invoices/${draft.id}/issue`, {
      version: draft.version,
    });
    return { draft, issued };
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
    clientId = (
      await createClient(sales.as.commercial1, 'Textiles du Sahel', {
        legalName: 'Textiles du Sahel SA',
        fiscalId: '1112223B/A/M/000',
        address: '12 rue de Monastir',
        city: 'Sousse',
        accountingAccount: '411SAHEL',
        paymentTermsDays: 30,
      })
    ).id;
    suspendedId = (
      await createClient(sales.as.commercial1, 'Export Dattes Kebili', {
        fiscalId: '5123456C/P/C/001',
        vatRegime: 'suspended',
        vatSuspensionNumber: 'AUT-2026-117',
        vatSuspensionIssuedOn: inDays(-100),
        vatSuspensionExpiresOn: inDays(200),
        paymentTermsDays: 60,
        paymentTermsEndOfMonth: true,
      })
    ).id;
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    jobId = job.id;
    jobNumber = (await sales.as.ops1.get<{ number: string }>(`/api/jobs/${jobId}`)).body.number;
    chargeIds = [];
    for (const line of MIXED_LINES) chargeIds.push(await addRevenue(sales.as.finance1, jobId, line));
  });
  afterAll(() => sales?.close());

  it('bills a job: EUR freight at 0 %, TND charges at 19 % and 7 %, débours and stamp duty, hand-checked', async () => {
    // No selection: the job's actual revenue lines (the planned ones from the quote stay out).
    mixed = await created(sales.as.finance1.post('/api/invoices/from-job', { jobId }));
    expect(mixed).toMatchObject({ status: 'draft', number: null, jobId, clientId, currency: 'TND' });
    // The job is named by its number, not just linked by id.
    expect(jobNumber).toMatch(/^[A-Z]{2}\d{2}-\d{5}$/);
    expect(mixed.jobNumber).toBe(jobNumber);
    expect(mixed.lines.map((l) => l.jobChargeId)).toEqual(chargeIds);
    // 2 × 1250 × 3.4 = 8500.000 (0 %); 2 × 180 = 360.000, VAT 19 % = 68.400;
    // 450.500, VAT 7 % = 31.535; débours 1234.567 outside VAT; stamp 1.000.
    expect(mixed.lines.map((l) => [l.amountTnd, l.vatTnd])).toEqual([
      ['8500.000', '0.000'],
      ['360.000', '68.400'],
      ['450.500', '31.535'],
      ['1234.567', '0.000'],
    ]);
    expect(mixed.totals).toEqual({
      netTnd: '9310.500',
      vatTnd: '99.935',
      vatBreakdown: [
        { rate: 19, baseTnd: '360.000', vatTnd: '68.400' },
        { rate: 7, baseTnd: '450.500', vatTnd: '31.535' },
        { rate: 0, baseTnd: '8500.000', vatTnd: '0.000' },
      ],
      disbursementsTnd: '1234.567',
      stampDutyTnd: '1.000',
      // 9310.500 + 1234.567 + 99.935 + 1.000
      totalTnd: '10646.002',
      totalCurrency: null,
    });

    const issued = await issue(sales.as.finance1, mixed);
    expect(issued.number).toMatch(new RegExp(`^F${YEAR}-\\d{5}$`));
    expect(issued).toMatchObject({ status: 'issued', invoiceDate: businessToday(), dueDate: inDays(30) });
    expect(issued.totals.totalTnd).toBe('10646.002');
    expect(issued.jobNumber).toBe(jobNumber);
    mixed = issued;
  });

  it('stores the PDF at issue: byte-identical on every read, with number, tax ids and the amount in words', async () => {
    const first = await pdfBytes(sales.as.finance1, mixed.id);
    const second = await pdfBytes(sales.as.admin, mixed.id);
    expect(second.equals(first)).toBe(true);
    const text = await pdfText(first);
    for (const expected of [
      mixed.number ?? '',
      'FACTURE',
      'Textiles du Sahel SA',
      '1112223B/A/M/000',
      'MF 1234567/A/M/000',
      '08001000123456789013',
      'dix mille six cent quarante-six dinars et deux millimes',
      'Timbre fiscal',
      `Dossier : ${jobNumber}`,
      'Règlement par virement',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('an issued invoice is frozen: PATCH and DELETE answer 409', async () => {
    const patch = await sales.as.finance1.patch(`/api/invoices/${mixed.id}`, {
      version: mixed.version,
      notes: 'x',
    });
    expect(patch.status).toBe(409);
    const del = await sales.as.finance1.delete(`/api/invoices/${mixed.id}?version=${mixed.version}`);
    expect(del.status).toBe(409);
    expect((await pdfBytes(sales.as.finance1, mixed.id)).length).toBeGreaterThan(1000);
    // The database refuses it too, whatever code would try.
    const db = sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
    await expect(db.update(invoices).set({ notes: 'x' }).where(eq(invoices.id, mixed.id))).rejects.toThrow();
    await expect(db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, mixed.id))).rejects.toThrow();
    await expect(
      db.delete(invoiceDocuments).where(eq(invoiceDocuments.invoiceId, mixed.id)),
    ).rejects.toThrow();
  });

  it('a job line is never billed twice, even by two drafts racing', async () => {
    const again = await sales.as.finance1.post('/api/invoices/from-job', {
      jobId,
      jobChargeIds: [chargeIds[1]],
    });
    expect(again.status).toBe(409);
    const nothingLeft = await sales.as.finance1.post('/api/invoices/from-job', { jobId });
    expect(nothingLeft.status).toBe(409);

    const extra = await addRevenue(sales.as.finance1, jobId, {
      description: 'Frais de dossier',
      quantity: '1',
      unitPrice: '50',
      vatRate: 19,
    });
    const race = await Promise.all(
      [1, 2, 3].map(() => sales.as.finance1.post('/api/invoices/from-job', { jobId, jobChargeIds: [extra] })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    // By hand too: a line naming the job line in another draft hits the same unique index.
    const byHand = await sales.as.finance1.post('/api/invoices', {
      clientId,
      lines: [
        { description: 'Frais de dossier', quantity: '1', unitPrice: '50', vatRate: 19, jobChargeId: extra },
      ],
    });
    expect(byHand.status).toBe(409);
    // Deleting the draft frees the line.
    const draft = race.find((r) => r.status === 201)?.body as Invoice;
    expect(
      (await sales.as.finance1.delete(`/api/invoices/${draft.id}?version=${draft.version}`)).status,
    ).toBe(204);
    await created(sales.as.finance1.post('/api/invoices/from-job', { jobId, jobChargeIds: [extra] }));
  });

  it('a EUR invoice also shows its total in EUR; a draft is edited with its version', async () => {
    const draft = await created(
      sales.as.finance1.post('/api/invoices', {
        clientId,
        currency: 'EUR',
        exchangeRate: '3.400000',
        lines: MIXED_LINES.slice(0, 1),
      }),
    );
    // 8500.000 at 0 % + stamp 1.000 = 8501.000 TND; / 3.4 = 2500.2941… → 2500.294 EUR
    expect(draft.totals).toMatchObject({ totalTnd: '8501.000', totalCurrency: '2500.294' });
    const edited = await created(
      sales.as.finance1.patch(`/api/invoices/${draft.id}`, {
        version: draft.version,
        lines: MIXED_LINES.slice(1, 2),
      }),
      200,
    );
    // 2 × 180 = 360.000 + 19 % 68.400 + 1.000 = 429.400 TND; / 3.4 = 126.294 EUR
    expect(edited.totals).toMatchObject({ totalTnd: '429.400', totalCurrency: '126.294' });
    expect(edited.version).toBe(draft.version + 1);
    const stale = await sales.as.finance1.patch(`/api/invoices/${draft.id}`, {
      version: draft.version,
      notes: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: '/problems/conflict', currentVersion: edited.version });
    expect(
      (await sales.as.finance1.delete(`/api/invoices/${draft.id}?version=${edited.version}`)).status,
    ).toBe(204);
    expect((await sales.as.finance1.get(`/api/invoices/${draft.id}`)).status).toBe(404);
  });

  it('a VAT-suspended client is billed without VAT, the authorisation cited', async () => {
    const draft = await created(
      sales.as.finance1.post('/api/invoices', {
        clientId: suspendedId,
        customerReference: 'PO-77',
        lines: MIXED_LINES,
      }),
    );
    expect(draft.vatSuspension).toEqual({
      number: 'AUT-2026-117',
      issuedOn: inDays(-100),
      expiresOn: inDays(200),
    });
    expect(draft.lines.map((l) => l.vatTnd)).toEqual(['0.000', '0.000', '0.000', '0.000']);
    // 8500 + 360 + 450.5 all at 0 %; débours 1234.567; stamp 1 → 10546.067
    expect(draft.totals).toEqual({
      netTnd: '9310.500',
      vatTnd: '0.000',
      vatBreakdown: [{ rate: 0, baseTnd: '9310.500', vatTnd: '0.000' }],
      disbursementsTnd: '1234.567',
      stampDutyTnd: '1.000',
      totalTnd: '10546.067',
      totalCurrency: null,
    });
    const issued = await issue(sales.as.finance1, draft);
    // 60 days end of month.
    const due = new Date(`${inDays(60)}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + 1, 0);
    expect(issued.dueDate).toBe(due.toISOString().slice(0, 10));
    const text = await pdfText(await pdfBytes(sales.as.finance1, issued.id));
    expect(text).toContain('Vente en suspension de TVA, autorisation n° AUT-2026-117');
    expect(text).toContain('dix mille cinq cent quarante-six dinars et soixante-sept millimes');
  });

  it('an expired suspension refuses the issue with a problem naming the authorisation', async () => {
    const expired = await createClient(sales.as.commercial1, 'Huilerie Sfax', {
      fiscalId: '3334445A/A/M/000',
      vatRegime: 'suspended',
      vatSuspensionNumber: 'AUT-2024-009',
      vatSuspensionIssuedOn: '2024-01-01',
      vatSuspensionExpiresOn: '2025-01-01',
    });
    const { draft, issued: refused } = await draftAndIssue(expired.id);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ type: '/problems/invalid-state' });
    expect((refused.body as { detail: string }).detail).toContain('AUT-2024-009');
    const still = await sales.as.finance1.get<Invoice>(`/api/invoices/${draft.id}`);
    expect(still.body).toMatchObject({ status: 'draft', number: null });
  });

  it('credit notes: partial within what is left, then the rest; AV numbers; stored PDF', async () => {
    const thc = mixed.lines[1]!;
    const partial = await created(
      sales.as.finance1.post(`/api/invoices/${mixed.id}/credit-notes`, {
        reason: 'Un conteneur annulé',
        lines: [{ invoiceLineId: thc.id, quantity: '1' }],
      }),
    );
    expect(partial.number).toMatch(new RegExp(`^AV${YEAR}-\\d{5}$`));
    expect(partial).toMatchObject({ kind: 'credit_note', status: 'issued', creditedInvoiceId: mixed.id });
    // 1 × 180 = 180.000 + VAT 19 % 34.200, no stamp duty on a partial credit → 214.200
    expect(partial.totals).toMatchObject({
      netTnd: '180.000',
      vatTnd: '34.200',
      stampDutyTnd: '0.000',
      totalTnd: '214.200',
    });
    const tooMuch = await sales.as.finance1.post(`/api/invoices/${mixed.id}/credit-notes`, {
      reason: 'encore',
      lines: [{ invoiceLineId: thc.id, quantity: '2' }],
    });
    expect(tooMuch.status).toBe(400);
    // A line given twice would pass the "left on this line" check twice (0.6 + 0.6 of 1 left).
    const twice = await sales.as.finance1.post(`/api/invoices/${mixed.id}/credit-notes`, {
      reason: 'encore',
      lines: [
        { invoiceLineId: thc.id, quantity: '0.6' },
        { invoiceLineId: thc.id, quantity: '0.6' },
      ],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('an invoice line appears twice');
    const text = await pdfText(await pdfBytes(sales.as.finance1, partial.id));
    expect(text).toContain('AVOIR');
    expect(text).toContain(mixed.number ?? '');
    // A credit note asks for no payment.
    expect(text).not.toContain('Règlement');
    // The rest: 8500 + 180 (+34.2) + 450.5 (+31.535) + 1234.567 = 10430.802, and the stamp duty
    // with it: after this note nothing of the invoice is left, as after one note for the whole.
    const rest = await created(
      sales.as.finance1.post(`/api/invoices/${mixed.id}/credit-notes`, { reason: 'Annulation' }),
    );
    expect(rest.totals).toMatchObject({ stampDutyTnd: '1.000', totalTnd: '10431.802' });
    const cancelled = await sales.as.finance1.get<Invoice>(`/api/invoices/${mixed.id}`);
    expect(cancelled.body).toMatchObject({ openAmount: '0.000' });
    const none = await sales.as.finance1.post(`/api/invoices/${mixed.id}/credit-notes`, { reason: 'encore' });
    expect(none.status).toBe(409);
  });

  it('blocked client: FINANCE is refused, FINANCE cannot confirm, ADMIN confirms', async () => {
    const blocked = await createClient(sales.as.admin, 'Client bloqué', {
      blocked: true,
      blockedReason: 'Impayés 2025',
    });
    const { draft, issued: refused } = await draftAndIssue(blocked.id);
    expect(refused.status).toBe(409);
    expect((refused.body as { detail: string }).detail).toContain('blocked');
    const notAdmin = await sales.as.finance1.post(`/api/invoices/${draft.id}/issue`, {
      version: draft.version,
      confirm: true,
    });
    expect(notAdmin.status).toBe(403);
    const confirmed = await issue(sales.as.admin, draft, { confirm: true });
    expect(confirmed.status).toBe('issued');
  });

  it('visibility: COMMERCIAL reads their clients’ invoices, OPERATIONS job invoices, neither writes', async () => {
    expect((await sales.as.commercial1.get(`/api/invoices/${mixed.id}`)).status).toBe(200);
    expect((await sales.as.commercial2.get(`/api/invoices/${mixed.id}`)).status).toBe(404);
    expect((await sales.as.ops1.get(`/api/invoices/${mixed.id}`)).status).toBe(200);
    const opsList = await sales.as.ops1.get<InvoicePage>(`/api/invoices?jobId=${jobId}`);
    expect(opsList.body.items.length).toBeGreaterThan(0);
    expect(opsList.body.items.every((i) => i.jobId === jobId && i.jobNumber === jobNumber)).toBe(true);
    const byHand = await sales.as.finance1.get<InvoicePage>(`/api/invoices?clientId=${suspendedId}`);
    expect(byHand.body.total).toBe(1);
    // An invoice typed by hand has no job, so no job number.
    expect(byHand.body.items[0]).toMatchObject({ jobId: null, jobNumber: null });
    expect((await sales.as.ops1.get<InvoicePage>(`/api/invoices?clientId=${suspendedId}`)).body.total).toBe(
      0,
    );
    expect((await sales.as.ops1.patch(`/api/invoices/${mixed.id}`, { version: 1 })).status).toBe(403);
    const list = await sales.as.finance1.get<InvoicePage>(
      '/api/invoices?status=issued&kind=invoice&sort=number:asc&overdue=false',
    );
    expect(list.status).toBe(200);
    expect((await sales.as.finance1.get('/api/invoices?sort=buyerFiscalId:asc')).status).toBe(400);
  });

  it('sends the stored PDF by e-mail (dev outbox)', async () => {
    const sent = await sales.as.finance1.post<{ transport: string; invoice: Invoice }>(
      `/api/invoices/${mixed.id}/send`,
      {
        recipients: ['compta@sahel.example'],
      },
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.invoice.sentAt).not.toBeNull();
    expect(sent.body.invoice.jobNumber).toBe(jobNumber);
  });

  it('sales journal: one line per document and VAT rate, credit notes negative', async () => {
    const today = businessToday();
    const res = await sales.as.finance1.raw(
      `/api/invoices/sales-journal.csv?from=${today}&to=${today}&sep=,`,
    );
    expect(res.status).toBe(200);
    const rows = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe('Date,Numéro,Compte client,Client,Taux TVA,HT,TVA,Timbre,TTC');
    const ofMixed = rows.filter((r) => r.includes(`,${mixed.number},`));
    expect(ofMixed).toEqual([
      `${today},${mixed.number},411SAHEL,Textiles du Sahel SA,19,360.000,68.400,1.000,429.400`,
      `${today},${mixed.number},411SAHEL,Textiles du Sahel SA,7,450.500,31.535,0.000,482.035`,
      `${today},${mixed.number},411SAHEL,Textiles du Sahel SA,0,8500.000,0.000,0.000,8500.000`,
      `${today},${mixed.number},411SAHEL,Textiles du Sahel SA,DEBOURS,1234.567,0.000,0.000,1234.567`,
    ]);
    expect(rows.some((r) => /,AV\d{4}-\d{5},.*,19,-180\.000,-34\.200,0\.000,-214\.200$/.test(r))).toBe(true);
    expect(
      (await sales.as.commercial1.raw(`/api/invoices/sales-journal.csv?from=${today}&to=${today}`)).status,
    ).toBe(403);
  });
});
