import {
  AuditPageSchema,
  ProblemSchema,
  TokenResponseSchema,
  type AuditEntry,
  type AuditPage,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeSegment, idpPasswordGrant, login } from '../../test/support/auth.js';
import { DEMO, DEV_AUTH_SECRET } from '../../test/support/identity.js';
import { createClient } from '../../test/support/records/quotes.js';
import { DATABASES, secondInstance, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { businessToday } from '../common/business-day.js';
import { changedFields, MASK, redact } from './audit-redaction.js';

const WRONG_PASSWORD = 'Not-the-password#42';

/** One field of an entry's `after` document (a JSON object for the sign-in rows). */
const afterField = (row: AuditEntry, field: string): unknown =>
  row.after !== null && typeof row.after === 'object'
    ? (row.after as Record<string, unknown>)[field]
    : undefined;

describe('audit redaction', () => {
  it('masks credential-looking fields at any depth and keeps how a password was set', () => {
    expect(
      redact({
        password: 'p',
        temporaryPassword: true,
        passport: 'AB123',
        nested: [{ clientSecret: 's', api_key: 'k', tokenHash: 'h', name: 'ok' }],
      }),
    ).toEqual({
      password: MASK,
      temporaryPassword: true,
      passport: 'AB123',
      nested: [{ clientSecret: MASK, api_key: MASK, tokenHash: MASK, name: 'ok' }],
    });
  });

  it('lists the top-level fields that changed', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], d: null })).toEqual(['b', 'c', 'd']);
    expect(changedFields(null, { name: 'n', version: 1 })).toEqual(['name', 'version']);
  });
});

describe.each(DATABASES)('audit log on %s', (target) => {
  let sales: SalesApi;
  const page = async (query: string): Promise<AuditPage> => {
    const res = await sales.as.admin.get(`/api/admin/audit${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return AuditPageSchema.parse(res.body);
  };
  const apiLogin = (username: string, password: string) => login(sales.api.url, username, password);

  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(async () => {
    await sales?.close();
  });

  it('is ADMIN only: every other role gets 403, no token 401', async () => {
    for (const user of [sales.as.commercial1, sales.as.ops1, sales.as.finance1]) {
      for (const path of ['/api/admin/audit', '/api/admin/audit.csv']) {
        const res = await user.get(path);
        expect(res.status).toBe(403);
        expect(ProblemSchema.parse(res.body).detail).toBe('Missing permission: audit:read.');
      }
    }
    expect((await fetch(`${sales.api.url}/api/admin/audit`)).status).toBe(401);
  });

  it('records a login, a refused login and an unknown username without the password', async () => {
    const ok = await apiLogin('Admin', DEMO.admin.password);
    expect(ok.status).toBe(200);
    const wrong = await apiLogin('admin', WRONG_PASSWORD);
    const unknown = await apiLogin('nobody.here', WRONG_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    // The answer does not tell whether the user exists.
    expect(await unknown.json()).toEqual(await wrong.json());

    const logins = await page(`?actor=${sales.as.admin.sub}&action=login`);
    expect(logins.items.find((row) => afterField(row, 'method') === 'password')).toMatchObject({
      actor: sales.as.admin.sub,
      actorUsername: 'admin',
      entity: 'auth',
      entityId: sales.as.admin.sub,
      after: { username: 'admin', method: 'password', ip: '127.0.0.1' },
    });
    const failed = await page('?action=login_failed&sort=at:asc');
    expect(failed.items.map((row) => [row.actor, row.entityId])).toEqual([
      ['anonymous', 'admin'],
      ['anonymous', 'nobody.here'],
    ]);
    expect(failed.items[0]!.after).toMatchObject({ username: 'admin', reason: expect.any(String) });
    const everything = JSON.stringify((await page('?pageSize=100')).items);
    expect(everything).not.toContain(WRONG_PASSWORD);
    expect(everything).not.toContain(DEMO.admin.password);
  });

  it('records a session signed in at the identity provider once, at its first request', async () => {
    // A new IdP session (the browser's sign-in happens there, out of the API's sight).
    const issuer = inject('identityIssuer');
    const secret = process.env.AUTH_TEST_CLIENT_SECRET ?? DEV_AUTH_SECRET;
    const token = (await idpPasswordGrant(issuer, secret, DEMO.finance1)).access_token;
    const sessionId = decodeSegment(token, 1)['sid'];
    expect(sessionId).toEqual(expect.any(String));
    const sessionRows = async () =>
      (await page(`?actor=${sales.as.finance1.sub}&action=login&pageSize=100`)).items.filter(
        (row) => afterField(row, 'sessionId') === sessionId,
      );
    const call = (url: string) =>
      fetch(`${url}/api/invoices`, { headers: { authorization: `Bearer ${token}` } });
    expect(await sessionRows()).toEqual([]);
    for (let i = 0; i < 3; i++) expect((await call(sales.api.url)).status).toBe(200);
    const rows = await sessionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorUsername: 'finance1',
      entity: 'auth',
      entityId: sales.as.finance1.sub,
      after: { username: 'finance1', method: 'identity_provider', ip: '127.0.0.1' },
    });
    if (target !== 'postgres') return;
    // A second API instance seeing the same session adds nothing (the unique index, not memory).
    const other = await secondInstance(sales);
    try {
      expect((await call(other.api.url)).status).toBe(200);
    } finally {
      await other.close();
    }
    expect(await sessionRows()).toHaveLength(1);
  });

  it('records both logouts: the browser’s (access token) and a refresh-token client’s', async () => {
    const viaAccess = TokenResponseSchema.parse(
      await (await apiLogin('finance1', DEMO.finance1.password)).json(),
    );
    const ended = await fetch(`${sales.api.url}/api/auth/session`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${viaAccess.access_token}` },
    });
    expect(ended.status).toBe(204);
    const viaRefresh = TokenResponseSchema.parse(
      await (await apiLogin('finance1', DEMO.finance1.password)).json(),
    );
    const out = await fetch(`${sales.api.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: viaRefresh.refresh_token }),
    });
    expect(out.status).toBe(204);

    const logouts = await page(`?actor=finance1&action=logout&sort=at:asc`);
    expect(logouts.items.map((row) => (row.after as { via: string }).via)).toEqual([
      'access_token',
      'refresh_token',
    ]);
    expect(logouts.items.every((row) => row.actor === sales.as.finance1.sub)).toBe(true);
    expect(logouts.items[0]).toMatchObject({ actorUsername: 'finance1', after: { username: 'finance1' } });
  });

  it('shows business writes with their actor and changed fields; filters by entity and id', async () => {
    const client = await createClient(sales.as.commercial1, 'Audit Trail SARL');
    const rows = await page(`?entity=client&entityId=${client.id}`);
    expect(rows.total).toBe(1);
    const created: AuditEntry = rows.items[0]!;
    expect(created).toMatchObject({
      actor: sales.as.commercial1.sub,
      actorUsername: 'commercial1',
      action: 'create',
      entity: 'client',
      entityId: client.id,
      before: null,
    });
    expect(created.changedFields).toContain('name');
    expect((await page(`?actor=commercial1&entity=client`)).items.map((row) => row.entityId)).toContain(
      client.id,
    );
    expect((await page(`?actor=COMMERCIAL2&entity=client&entityId=${client.id}`)).total).toBe(0);
    // The search field: an actor's name or a record id.
    expect((await page(`?q=${client.id}`)).items.map((row) => row.entityId)).toEqual([client.id]);
    expect((await page(`?q=commercial1&entity=client`)).items.map((row) => row.entityId)).toContain(
      client.id,
    );
  });

  it('a username in the search also finds what was done to that account', async () => {
    const changed = await sales.as.admin.patch(`/api/admin/users/${sales.as.commercial2.sub}`, {
      title: 'Chef des ventes',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const rows = await page('?q=commercial2&entity=user');
    expect(rows.items.map((row) => [row.entityId, row.actor])).toContainEqual([
      sales.as.commercial2.sub,
      sales.as.admin.sub,
    ]);
    // Another account's changes are not among them.
    expect(
      rows.items.every(
        (row) => row.entityId === sales.as.commercial2.sub || row.actor === sales.as.commercial2.sub,
      ),
    ).toBe(true);
  });

  it('filters by period in Tunis days, pages and sorts newest first by default', async () => {
    const today = businessToday();
    const all = await page('?pageSize=100');
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect((await page(`?from=${today}&to=${today}&pageSize=100`)).total).toBe(all.total);
    expect((await page('?to=2020-01-01')).total).toBe(0);
    expect((await page('?from=2999-01-01')).total).toBe(0);

    const times = all.items.map((row) => row.at);
    expect([...times].sort().reverse()).toEqual(times);
    const second = await page('?pageSize=2&page=2');
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(second.items.map((row) => row.id)).toEqual(all.items.slice(2, 4).map((row) => row.id));
    const oldest = await page('?sort=at:asc&pageSize=1');
    expect(oldest.items[0]!.id).toBe(all.items.at(-1)!.id);
  });

  it('refuses bad queries with 400', async () => {
    for (const query of [
      '?pageSize=101',
      '?sort=before:asc',
      '?from=yesterday',
      "?actor=a'b",
      '?unknown=x',
      '?page=0',
    ]) {
      expect((await sales.as.admin.get(`/api/admin/audit${query}`)).status, query).toBe(400);
    }
  });

  it('exports the filtered log as CSV', async () => {
    const res = await sales.as.admin.raw('/api/admin/audit.csv?action=login_failed&lang=en&sep=,');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="audit.csv"');
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Time,Actor (id),Username,Name,Action,Entity,Entity id,Number or name,Changed fields,Before,After,Request',
    );
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes(',login_failed,auth,'))).toBe(true);
    expect(text).not.toContain(WRONG_PASSWORD);
  });
});
