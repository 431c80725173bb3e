import { ClientSchema, ContactSchema, PROBLEM_TYPES, type Client, type Contact } from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { auditLog } from '../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

describe.each(DATABASES)('clients and contacts on %s', (target) => {
  let sales: SalesApi;
  let client: Client;

  const auditOf = (id: string) =>
    sales.api.app
      .get<symbol, DatabaseHandle>(DATABASE)
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'client'), eq(auditLog.entityId, id)))
      .orderBy(auditLog.id);

  beforeAll(async () => {
    sales = await startSalesApi(target);
    const res = await sales.as.commercial1.post<Client>('/api/clients', {
      name: 'Sotupa Industries',
      fiscalId: '1234567A/A/M/000',
      city: 'Sfax',
    });
    expect(res.status).toBe(201);
    client = ClientSchema.parse(res.body);
  });
  afterAll(() => sales?.close());

  it('creates with defaults, assigned to the creator, version 1, audited', async () => {
    expect(client).toMatchObject({
      country: 'TN',
      currency: 'TND',
      language: 'fr',
      version: 1,
      assignedTo: [sales.as.commercial1.sub],
      createdBy: sales.as.commercial1.sub,
      archivedAt: null,
    });
    const [entry] = await auditOf(client.id);
    expect(entry).toMatchObject({ action: 'create', actor: sales.as.commercial1.sub, before: null });
    expect(entry?.after).toMatchObject({ id: client.id, name: 'Sotupa Industries' });
  });

  it('hides it from another commercial (404) but shows it to admin, finance and operations', async () => {
    expect((await sales.as.commercial2.get(`/api/clients/${client.id}`)).status).toBe(404);
    const list = await sales.as.commercial2.get<Page<Client>>('/api/clients');
    expect(list.body.items.map((c) => c.id)).not.toContain(client.id);
    for (const reader of ['admin', 'finance1', 'ops1'] as const) {
      expect((await sales.as[reader].get(`/api/clients/${client.id}`)).status).toBe(200);
    }
  });

  it('lets FINANCE read but not write (403)', async () => {
    expect((await sales.as.finance1.get('/api/clients')).status).toBe(200);
    expect((await sales.as.finance1.post('/api/clients', { name: 'X' })).status).toBe(403);
    const patch = await sales.as.finance1.patch(`/api/clients/${client.id}`, { version: 1, city: 'Tunis' });
    expect(patch.status).toBe(403);
    expect(
      (await sales.as.finance1.post(`/api/clients/${client.id}/contacts`, { lastName: 'X' })).status,
    ).toBe(403);
  });

  it('refuses unknown body fields, non-allowlisted sort fields and pageSize 101 (400)', async () => {
    const unknown = await sales.as.commercial1.post<{ errors: { field: string }[] }>('/api/clients', {
      name: 'Y',
      createdBy: 'someone',
      isVip: true,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e) => e.field).sort()).toEqual(['createdBy', 'isVip']);
    const sort = await sales.as.commercial1.get<{ errors: { field: string }[] }>(
      '/api/clients?sort=fiscalId:asc',
    );
    expect(sort.status).toBe(400);
    expect(sort.body.errors[0]?.field).toBe('sort');
    expect((await sales.as.commercial1.get('/api/clients?pageSize=101')).status).toBe(400);
    expect((await sales.as.commercial1.get('/api/clients?colour=red')).status).toBe(400);
  });

  it('updates with the version; a stale version answers 409 with the current one', async () => {
    const first = await sales.as.commercial1.patch<Client>(`/api/clients/${client.id}`, {
      version: 1,
      city: 'Tunis',
      fiscalId: null,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 2,
      city: 'Tunis',
      fiscalId: null,
      name: 'Sotupa Industries',
    });
    const stale = await sales.as.commercial1.patch(`/api/clients/${client.id}`, {
      version: 1,
      city: 'Sousse',
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body).toMatchObject({
      type: PROBLEM_TYPES.conflict,
      detail: 'modified by someone else',
      currentVersion: 2,
    });
    const other = await sales.as.commercial2.patch(`/api/clients/${client.id}`, {
      version: 2,
      city: 'Sousse',
    });
    expect(other.status).toBe(404);
    const entries = await auditOf(client.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]?.before).toMatchObject({ city: 'Sfax', version: 1 });
    expect(entries[1]?.after).toMatchObject({ city: 'Tunis', version: 2 });
  });

  it('lets exactly one of two concurrent edits of the same version win (no lost update)', async () => {
    const current = (await sales.as.commercial1.get<Client>(`/api/clients/${client.id}`)).body;
    const edits = await Promise.all(
      ['Bizerte', 'Gabès'].map((city) =>
        sales.as.commercial1.patch<Client>(`/api/clients/${client.id}`, { version: current.version, city }),
      ),
    );
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = edits.find((r) => r.status === 200)?.body;
    expect((await sales.as.commercial1.get<Client>(`/api/clients/${client.id}`)).body).toMatchObject({
      city: winner?.city,
      version: current.version + 1,
    });
  });

  it('lists with search, filters, sort and paging', async () => {
    for (const name of ['Alpha Fruits', 'Beta 50% Trading', 'Gamma_Log']) {
      expect(
        (await sales.as.commercial1.post('/api/clients', { name, country: 'FR', currency: 'EUR' })).status,
      ).toBe(201);
    }
    const page = await sales.as.commercial1.get<Page<Client>>(
      '/api/clients?country=FR&sort=name:desc&pageSize=2',
    );
    expect(page.body.total).toBe(3);
    expect(page.body.items.map((c) => c.name)).toEqual(['Gamma_Log', 'Beta 50% Trading']);
    const next = await sales.as.commercial1.get<Page<Client>>(
      '/api/clients?country=FR&sort=name:desc&pageSize=2&page=2',
    );
    expect(next.body.items.map((c) => c.name)).toEqual(['Alpha Fruits']);
    // `%` and `_` are searched literally, not as wildcards.
    const percent = await sales.as.commercial1.get<Page<Client>>(
      `/api/clients?q=${encodeURIComponent('50%')}`,
    );
    expect(percent.body.items.map((c) => c.name)).toEqual(['Beta 50% Trading']);
    const underscore = await sales.as.commercial1.get<Page<Client>>('/api/clients?q=a_l');
    expect(underscore.body.items.map((c) => c.name)).toEqual(['Gamma_Log']);
    const admin = await sales.as.admin.get<Page<Client>>('/api/clients?country=FR');
    expect(admin.body.total).toBe(3);
    expect((await sales.as.commercial2.get<Page<Client>>('/api/clients?country=FR')).body.total).toBe(0);
  });

  it('archives and restores with the version (twice → 409), archived rows leave the default list', async () => {
    const current = (await sales.as.commercial1.get<Client>(`/api/clients/${client.id}`)).body;
    const archived = await sales.as.commercial1.post<Client>(`/api/clients/${client.id}/archive`, {
      version: current.version,
    });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const live = await sales.as.commercial1.get<Page<Client>>('/api/clients');
    expect(live.body.items.map((c) => c.id)).not.toContain(client.id);
    const onlyArchived = await sales.as.commercial1.get<Page<Client>>('/api/clients?archived=true');
    expect(onlyArchived.body.items.map((c) => c.id)).toEqual([client.id]);
    const again = await sales.as.commercial1.post(`/api/clients/${client.id}/archive`, {
      version: archived.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: PROBLEM_TYPES.invalidState });
    const restored = await sales.as.commercial1.post<Client>(`/api/clients/${client.id}/restore`, {
      version: archived.body.version,
    });
    expect(restored.body).toMatchObject({ archivedAt: null, version: archived.body.version + 1 });
    expect((await auditOf(client.id)).map((e) => e.action).slice(-2)).toEqual(['archive', 'restore']);
  });

  it('answers 404 for an id that is not a UUID', async () => {
    expect((await sales.as.admin.get('/api/clients/42')).status).toBe(404);
  });

  describe('contacts', () => {
    const contactsOf = (id: string) => `/api/clients/${id}/contacts`;

    it('keeps one primary contact per client, demoting the previous one', async () => {
      const a = await sales.as.commercial1.post<Contact>(contactsOf(client.id), {
        lastName: 'Ben Ali',
        firstName: 'Sonia',
        emails: ['sonia@sotupa.tn'],
        isPrimary: true,
      });
      expect(a.status).toBe(201);
      ContactSchema.parse(a.body);
      const b = await sales.as.commercial1.post<Contact>(contactsOf(client.id), {
        lastName: 'Kefi',
        phones: ['+216 71 000 000'],
        isPrimary: true,
      });
      expect(b.status).toBe(201);
      const list = await sales.as.commercial1.get<Page<Contact>>(
        `${contactsOf(client.id)}?sort=lastName:asc`,
      );
      expect(list.body.items.map((c) => [c.lastName, c.isPrimary, c.version])).toEqual([
        ['Ben Ali', false, 2],
        ['Kefi', true, 1],
      ]);
      const back = await sales.as.commercial1.patch<Contact>(`${contactsOf(client.id)}/${a.body.id}`, {
        version: 2,
        isPrimary: true,
      });
      expect(back.status).toBe(200);
      const primaries = await sales.as.commercial1.get<Page<Contact>>(
        `${contactsOf(client.id)}?isPrimary=true`,
      );
      expect(primaries.body.items.map((c) => c.lastName)).toEqual(['Ben Ali']);
    });

    it('scopes contacts to a client the caller sees', async () => {
      expect((await sales.as.commercial2.get(contactsOf(client.id))).status).toBe(404);
      expect((await sales.as.commercial2.post(contactsOf(client.id), { lastName: 'Intrus' })).status).toBe(
        404,
      );
      expect((await sales.as.finance1.get(contactsOf(client.id))).status).toBe(200);
      const other = await sales.as.commercial2.post<Client>('/api/clients', { name: 'Other Co' });
      const list = await sales.as.commercial1.get<Page<Contact>>(contactsOf(client.id));
      const someContact = list.body.items[0];
      // A contact addressed through another client does not exist.
      expect((await sales.as.admin.get(`${contactsOf(other.body.id)}/${someContact?.id}`)).status).toBe(404);
    });

    it('deletes with the version (stale → 409) and audits the delete', async () => {
      const created = await sales.as.commercial1.post<Contact>(contactsOf(client.id), { lastName: 'Temp' });
      const path = `${contactsOf(client.id)}/${created.body.id}`;
      expect((await sales.as.commercial1.delete(`${path}?version=2`)).status).toBe(409);
      expect((await sales.as.commercial1.delete(path)).status).toBe(400);
      expect((await sales.as.commercial1.delete(`${path}?version=1`)).status).toBe(204);
      expect((await sales.as.commercial1.get(path)).status).toBe(404);
      const { db } = sales.api.app.get<symbol, DatabaseHandle>(DATABASE);
      const [entry] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.action, 'delete')));
      expect(entry).toMatchObject({ entityId: created.body.id, after: null });
      expect(entry?.before).toMatchObject({ lastName: 'Temp' });
    });
  });
});
