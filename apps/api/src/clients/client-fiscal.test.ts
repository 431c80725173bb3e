import {
  ClientSchema,
  ProblemSchema,
  VatSuspensionExpiringListSchema,
  type Client,
  type VatSuspensionExpiringList,
} from '@velosi/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQuote, quoteBody } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { businessToday } from '../common/business-day.js';

const fieldsOf = (body: unknown) => (ProblemSchema.parse(body).errors ?? []).map((e) => e.field);

/** `YYYY-MM-DD` `days` after today in Tunis. */
const inDays = (days: number) =>
  new Date(Date.parse(`${businessToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const suspension = (expiresInDays: number, number = 'AUT-2026-117') => ({
  vatRegime: 'suspended',
  vatSuspensionNumber: number,
  vatSuspensionIssuedOn: inDays(expiresInDays - 365),
  vatSuspensionExpiresOn: inDays(expiresInDays),
});

describe.each(DATABASES)("clients' fiscal and finance data on %s", (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  it('stores the full fiscal record, the tax id normalised, and reads it back', async () => {
    const res = await sales.as.commercial1.post<Client>('/api/clients', {
      name: 'Textiles du Cap Bon',
      legalName: 'Textiles du Cap Bon SARL',
      category: 'local',
      clientType: 'both',
      fiscalId: '1112223b a m 000',
      customsCode: 'NB1112223',
      ...suspension(20),
      stampDutyExempt: true,
      paymentTermsDays: 60,
      paymentTermsEndOfMonth: true,
      bankName: 'BIAT',
      bankAccount: 'TN59 0810 3000 0512 3456 7825',
      swift: 'biattntt',
      accountingAccount: '411cap',
      phone: '+216 72 000 111',
      email: 'compta@tcb.example',
      website: 'www.tcb.example',
      industry: 'Textile',
      addresses: [
        { kind: 'billing', street: '3 rue de Kélibia', city: 'Nabeul', country: 'TN' },
        { kind: 'delivery', label: 'Dépôt', street: 'Port de Radès', city: 'Radès', country: 'TN' },
      ],
    });
    expect(res.status).toBe(201);
    const client = ClientSchema.parse(res.body);
    expect(client).toMatchObject({
      fiscalId: '1112223B/A/M/000',
      bankAccount: 'TN5908103000051234567825',
      swift: 'BIATTNTT',
      accountingAccount: '411CAP',
      vatRegime: 'suspended',
      blocked: false,
      creditLimit: null,
    });
    expect(client.addresses).toHaveLength(2);
    const read = await sales.as.finance1.get<Client>(`/api/clients/${client.id}`);
    expect(read.body).toEqual(client);
  });

  it('refuses a malformed Tunisian tax id with 400 naming fiscalId; a foreign one is free text', async () => {
    const bad = await sales.as.commercial1.post('/api/clients', {
      name: 'Bad MF',
      fiscalId: '1234567/A/M/000',
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['fiscalId']);
    const foreign = await sales.as.commercial1.post<Client>('/api/clients', {
      name: 'Lyon Import',
      country: 'FR',
      fiscalId: 'FR 42 512345678',
    });
    expect(foreign.status).toBe(201);
    // Moving the foreign client to Tunisia re-checks the tax id it keeps.
    const moved = await sales.as.commercial1.patch(`/api/clients/${foreign.body.id}`, {
      version: 1,
      country: 'TN',
    });
    expect(moved.status).toBe(400);
    expect(fieldsOf(moved.body)).toEqual(['fiscalId']);
    const fixed = await sales.as.commercial1.patch<Client>(`/api/clients/${foreign.body.id}`, {
      version: 1,
      country: 'TN',
      fiscalId: '5123456c/p/c/001',
    });
    expect(fixed.body).toMatchObject({ country: 'TN', fiscalId: '5123456C/P/C/001' });
  });

  it('answers 409 on a tax id a live client has, whatever its spelling', async () => {
    await sales.as.commercial1.post('/api/clients', { name: 'Holder', fiscalId: '3334445A/A/M/000' });
    const dup = await sales.as.commercial2.post('/api/clients', { name: 'Other', fiscalId: '3334445aam000' });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ field: 'fiscalId' });
  });

  it('checks the suspension authorisation, bank details and blocked reason, also when merged on PATCH', async () => {
    const noDates = await sales.as.commercial1.post('/api/clients', {
      name: 'Suspended',
      vatRegime: 'suspended',
      vatSuspensionNumber: 'A-1',
    });
    expect(fieldsOf(noDates.body)).toEqual(['vatSuspensionIssuedOn', 'vatSuspensionExpiresOn']);
    const bank = await sales.as.commercial1.post('/api/clients', {
      name: 'Bank',
      bankAccount: '08103000051234567826',
      swift: 'BIA',
    });
    expect(fieldsOf(bank.body)).toEqual(['bankAccount', 'swift']);

    const created = await sales.as.commercial1.post<Client>('/api/clients', { name: 'Later suspended' });
    const half = await sales.as.commercial1.patch(`/api/clients/${created.body.id}`, {
      version: 1,
      vatRegime: 'suspended',
    });
    expect(half.status).toBe(400);
    expect(fieldsOf(half.body)).toEqual([
      'vatSuspensionNumber',
      'vatSuspensionIssuedOn',
      'vatSuspensionExpiresOn',
    ]);
    const backwards = await sales.as.commercial1.patch(`/api/clients/${created.body.id}`, {
      version: 1,
      ...suspension(10),
      vatSuspensionIssuedOn: inDays(11),
    });
    expect(fieldsOf(backwards.body)).toEqual(['vatSuspensionExpiresOn']);
    const blocked = await sales.as.admin.patch(`/api/clients/${created.body.id}`, {
      version: 1,
      blocked: true,
    });
    expect(fieldsOf(blocked.body)).toEqual(['blockedReason']);
  });

  it('leaves credit limit and blocking to ADMIN (403 for a commercial)', async () => {
    const mine = await sales.as.commercial1.post<Client>('/api/clients', { name: 'Credit SARL' });
    for (const change of [{ creditLimit: '50000' }, { blocked: true, blockedReason: 'Impayés' }]) {
      const res = await sales.as.commercial1.patch(`/api/clients/${mine.body.id}`, { version: 1, ...change });
      expect(res.status).toBe(403);
    }
    expect((await sales.as.commercial1.post('/api/clients', { name: 'X', creditLimit: '1' })).status).toBe(
      403,
    );
    const admin = await sales.as.admin.patch<Client>(`/api/clients/${mine.body.id}`, {
      version: 1,
      creditLimit: '50000.5',
      blocked: true,
      blockedReason: 'Impayés 2025',
    });
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({
      creditLimit: '50000.500',
      blocked: true,
      blockedReason: 'Impayés 2025',
    });
    // The commercial still edits the rest of their client.
    const other = await sales.as.commercial1.patch(`/api/clients/${mine.body.id}`, {
      version: 2,
      industry: 'BTP',
    });
    expect(other.status).toBe(200);
  });

  it("prints the client's tax id and suspension reference on the quote PDF", async () => {
    const client = await sales.as.commercial1.post<Client>('/api/clients', {
      name: 'Export Dattes Tozeur',
      fiscalId: '4445556D/A/M/000',
      ...suspension(20, 'AUT-PDF-7'),
    });
    expect(client.status).toBe(201);
    const quote = await createQuote(sales.as.commercial1, quoteBody(client.body.id));
    const pdf = await sales.as.commercial1.raw(`/api/quotes/${quote.id}/pdf`);
    expect(pdf.status).toBe(200);
    const proxy = await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer()));
    const { text } = await extractText(proxy, { mergePages: true });
    const flat = text.replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(flat).toContain('4445556D/A/M/000');
    expect(flat).toContain('Vente en suspension de TVA, autorisation n° AUT-PDF-7 du');
  });

  describe('GET /api/clients/vat-suspensions/expiring', () => {
    const path = '/api/clients/vat-suspensions/expiring';
    let soon: Client;
    let later: Client;

    beforeAll(async () => {
      const post = (name: string, days: number, number: string) =>
        sales.as.commercial2.post<Client>('/api/clients', { name, ...suspension(days, number) });
      soon = (await post('Expiring Soon', 12, 'SOON-1')).body;
      later = (await post('Expiring Later', 90, 'LATER-1')).body;
      const archived = (await post('Archived Suspended', 5, 'ARCH-1')).body;
      expect(
        (await sales.as.commercial2.post(`/api/clients/${archived.id}/archive`, { version: 1 })).status,
      ).toBe(200);
    });

    it('lists live suspensions expiring within 30 days by default for FINANCE and ADMIN, soonest first', async () => {
      for (const reader of ['finance1', 'admin'] as const) {
        const res = await sales.as[reader].get<VatSuspensionExpiringList>(path);
        expect(res.status).toBe(200);
        const list = VatSuspensionExpiringListSchema.parse(res.body);
        const ids = list.items.map((i) => i.clientId);
        expect(ids).toContain(soon.id);
        expect(ids).not.toContain(later.id);
        expect(list.items.map((i) => i.name)).not.toContain('Archived Suspended');
        expect(list.items.find((i) => i.clientId === soon.id)).toMatchObject({
          vatSuspensionNumber: 'SOON-1',
          daysLeft: 12,
        });
        const days = list.items.map((i) => i.daysLeft);
        expect(days).toEqual([...days].sort((a, b) => a - b));
      }
      const wide = await sales.as.finance1.get<VatSuspensionExpiringList>(`${path}?days=120`);
      expect(wide.body.items.map((i) => i.clientId)).toContain(later.id);
    });

    it('is refused to COMMERCIAL and OPERATIONS (403) and to no token (401)', async () => {
      for (const user of ['commercial1', 'ops1'] as const) {
        expect((await sales.as[user].get(path)).status).toBe(403);
      }
      expect((await fetch(`${sales.api.url}${path}`)).status).toBe(401);
    });

    it('refuses hostile or out-of-range days with 400 naming days', async () => {
      for (const days of ['-1', '366', 'abc', '1e3', '%00', '30&days=31']) {
        const res = await sales.as.finance1.get(`${path}?days=${days}`);
        expect(res.status, days).toBe(400);
        expect(fieldsOf(res.body), days).toEqual(['days']);
      }
      expect((await sales.as.finance1.get(`${path}?colour=red`)).status).toBe(400);
    });
  });
});
