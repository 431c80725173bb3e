import { AuditPageSchema, type AuditEntry, type AuditPage } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../test/support/auth.js';
import { DEMO } from '../../test/support/identity.js';
import { created } from '../../test/support/records/invoices.js';
import { acceptedQuoteJob } from '../../test/support/records/jobs.js';
import { issuedInvoice, paid, pay } from '../../test/support/records/payments.js';
import { createClient, createContact } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { labelSourceOf } from './audit-label-sources.js';

// The audit page names each row's object the way people do (number, name), looked up for the page
// served: several object types on one page, a draft, a deleted record, a user.

describe.each(DATABASES)('audit object labels on %s', (target) => {
  let sales: SalesApi;
  const page = async (query: string): Promise<AuditPage> => {
    const res = await sales.as.admin.get(`/api/admin/audit${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return AuditPageSchema.parse(res.body);
  };
  /** The newest entry about `entityId` on one page of every recent row (newest first). */
  const entryOf = (entries: readonly AuditEntry[], entityId: string): AuditEntry => {
    const entry = entries.find((row) => row.entityId === entityId);
    expect(entry, entityId).toBeDefined();
    return entry!;
  };

  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(async () => {
    await sales?.close();
  });

  it('names quotes, jobs, invoices, payments, clients, leads and users by number or name', async () => {
    const { finance1, commercial1, ops1 } = sales.as;
    const client = await createClient(commercial1, 'Libellés Transit SARL');
    const lead = await commercial1.post<{ id: string }>('/api/leads', {
      fullName: 'Sami Ben Ali',
      company: 'Sfax Export',
    });
    expect(lead.status).toBe(201);
    const { quote, job } = await acceptedQuoteJob(commercial1, ops1, client.id);
    const invoice = await issuedInvoice(finance1, client.id);
    const payment = await paid(pay(finance1, client.id, [{ invoiceId: invoice.id, amount: '1191.000' }]));
    const draft = await created(
      finance1.post('/api/invoices', {
        clientId: client.id,
        lines: [{ description: 'Magasinage', quantity: '1', unitPrice: '10.000', vatRate: 19 }],
      }),
    );
    const contact = await createContact(commercial1, client.id, { lastName: 'Trabelsi' });
    const removed = await commercial1.delete(
      `/api/clients/${client.id}/contacts/${contact.id}?version=${contact.version}`,
    );
    expect(removed.status).toBe(204);
    expect((await login(sales.api.url, 'finance1', DEMO.finance1.password)).status).toBe(200);

    // One page holding every type at once: the labels are looked up per type, for the whole page.
    const { items } = await page('?pageSize=100');
    const label = (id: string) => {
      const { entityLabel, entityLabelGap } = entryOf(items, id);
      return { entityLabel, entityLabelGap };
    };
    const named = (entityLabel: string) => ({ entityLabel, entityLabelGap: null });
    expect(quote.number).toMatch(/^Q\d{4}-\d{5}/);
    expect(label(quote.id)).toEqual(named(quote.number));
    expect(label(job.id)).toEqual(named(job.number));
    expect(invoice.number).toBeTruthy();
    expect(label(invoice.id)).toEqual(named(invoice.number!));
    expect(label(payment.id)).toEqual(named(payment.number));
    expect(label(client.id)).toEqual(named('Libellés Transit SARL'));
    expect(label(lead.body.id)).toEqual(named('Sami Ben Ali · Sfax Export'));
    // A sign-in names its user as the actor columns do (finance1 recorded the payment).
    const { actorName, actorUsername } = entryOf(items, payment.id);
    expect(actorUsername).toBe('finance1');
    expect(label(finance1.sub)).toEqual(named((actorName ?? actorUsername)!));
    // A draft invoice has no number yet; a deleted contact is no longer there to name.
    expect(label(draft.id)).toEqual({ entityLabel: null, entityLabelGap: 'draft' });
    expect(label(contact.id)).toEqual({ entityLabel: null, entityLabelGap: 'deleted' });
    // Every row about the same object carries the object's current label (the invoice's create too).
    const invoiceRows = await page(`?entity=invoice&entityId=${invoice.id}`);
    expect(invoiceRows.items.length).toBeGreaterThan(1);
    expect(new Set(invoiceRows.items.map((row) => row.entityLabel))).toEqual(new Set([invoice.number]));
  });

  // Query timing exists on PostgreSQL only (node-postgres); PGlite runs the same code.
  it.runIf(target === 'postgres')('reads a fixed number of queries per page, whatever its size', async () => {
    let count = 0;
    sales.api.app.get<symbol, DatabaseHandle>(DATABASE).onQuery?.((operation) => {
      if (operation === 'select') count += 1;
    });
    const selects = async (query: string): Promise<number> => {
      const before = count;
      await page(query);
      return count - before;
    };
    const one = await selects('?entity=invoice&pageSize=1');
    const many = await selects('?entity=invoice&pageSize=100');
    expect((await page('?entity=invoice&pageSize=100')).items.length).toBeGreaterThan(2);
    expect(many).toBe(one);
    // The first test's objects on one page: the rows, their count, then one query per record type.
    const mixed = await page('?pageSize=100');
    const types = new Set(mixed.items.map((row) => row.entity).filter((entity) => labelSourceOf(entity)));
    expect(types.size).toBeGreaterThanOrEqual(6);
    expect(await selects('?pageSize=100')).toBe(one - 1 + types.size);
  });

  it('keeps ids that name no record, and refuses every role but ADMIN as before', async () => {
    const failed = await login(sales.api.url, 'nobody.labels', 'Not-the-password#42');
    expect(failed.status).toBe(401);
    const [row] = (await page('?action=login_failed')).items;
    expect(row).toMatchObject({ entityId: 'nobody.labels', entityLabel: null, entityLabelGap: null });
    for (const user of [sales.as.commercial1, sales.as.ops1, sales.as.finance1]) {
      expect((await user.get('/api/admin/audit')).status).toBe(403);
    }
  });

  it('exports the label in the CSV', async () => {
    const client = await createClient(sales.as.commercial1, 'Export Libellé SA');
    const res = await sales.as.admin.raw(`/api/admin/audit.csv?entityId=${client.id}&lang=en&sep=,`);
    expect(res.status).toBe(200);
    const [header, line] = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain(',Entity id,Number or name,');
    expect(line).toContain(`,${client.id},Export Libellé SA,`);
  });
});
