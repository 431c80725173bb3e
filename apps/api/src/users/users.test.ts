import { randomBytes, randomUUID } from 'node:crypto';
import {
  AdminUserPageSchema,
  AdminUserSchema,
  MeResponseSchema,
  ProblemSchema,
  UserSessionSchema,
  type AdminUser,
} from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, postJson, tokensFor } from '../../test/support/auth.js';
import { databaseEnv, DEMO, startIdentity, type IdentityTarget } from '../../test/support/identity.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { auditLog } from '../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { deleteKeycloakUsers } from '../../test/support/services/keycloak-admin.js';

// User administration end to end: the API → the IdP's Admin REST API (dev IdP, or real Keycloak with
// AUTH_TEST_ISSUER_URL) → the created user logs in through the API. Usernames are unique per run
// (Keycloak keeps its users between runs; they are deleted afterwards).

const run = randomBytes(3).toString('hex');
const username = `qa${run}.sales`;
const password = 'Start#2026-pw';
/** The user's password once reset-password has changed it. */
let current = password;
let identity: IdentityTarget;
let api: TestApp;
let admin: string;
let adminSub: string;
let created: AdminUser;

const url = (path: string) => `${api.url}/api/admin/users${path}`;
// content-type only with a body: Fastify rejects an empty body declared as JSON.
const asAdmin = (init: RequestInit = {}) => ({
  ...init,
  headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...bearer(admin) },
});
const patch = (id: string, body: unknown) =>
  fetch(url(`/${id}`), asAdmin({ method: 'PATCH', body: JSON.stringify(body) }));
const refresh = (token: string) => postJson(`${api.url}/api/auth/refresh`, { refresh_token: token });
const verify = (token: string) => fetch(`${api.url}/api/auth/verify`, { headers: bearer(token) });
/** Waits for the next whole second: revocations and token `iat` are counted in whole seconds. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  return ProblemSchema.parse(await res.json());
}

beforeAll(async () => {
  identity = await startIdentity();
  api = await startTestApp({ ...identity.env, ...databaseEnv() });
  const tokens = await tokensFor(api.url, DEMO.admin);
  admin = tokens.access_token;
  const me = MeResponseSchema.parse(
    await (await fetch(`${api.url}/api/auth/me`, { headers: bearer(admin) })).json(),
  );
  adminSub = me.sub;
});
afterAll(async () => {
  if (identity && created) await deleteKeycloakUsers(identity, [created.id]).catch(() => undefined);
  await api?.close();
  await identity?.close();
});

describe('access', () => {
  it('COMMERCIAL gets 403 on every admin route', async () => {
    const commercial = (await tokensFor(api.url, DEMO.commercial1)).access_token;
    const list = await fetch(url(''), { headers: bearer(commercial) });
    expect(list.status).toBe(403);
    expect((await problem(list)).detail).toBe('Missing permission: users:read.');
    const create = await postJson(url(''), {}, bearer(commercial));
    expect(create.status).toBe(403);
  });

  it('no token: 401', async () => {
    expect((await fetch(url(''))).status).toBe(401);
  });
});

describe('list', () => {
  it('prefix search with Keycloak paging and total, ERP roles per user', async () => {
    const res = await fetch(url('?q=commercial&pageSize=50'), asAdmin());
    expect(res.status).toBe(200);
    const page = AdminUserPageSchema.parse(await res.json());
    const names = page.items.map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['commercial1', 'commercial2']));
    expect(page.total).toBe(page.items.length);
    expect(page.items.find((u) => u.username === 'commercial1')?.roles).toEqual(['COMMERCIAL']);

    const second = AdminUserPageSchema.parse(
      await (await fetch(url('?q=commercial&page=2&pageSize=1'), asAdmin())).json(),
    );
    expect(second).toMatchObject({ page: 2, pageSize: 1, total: page.total });
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.username).toBe(page.items[1]?.username);
  });

  it('rejects a page size over 100', async () => {
    expect((await fetch(url('?pageSize=500'), asAdmin())).status).toBe(400);
  });
});

describe('create', () => {
  it('creates a COMMERCIAL user (201 + Location) who can then log in through the API', async () => {
    const res = await postJson(
      url(''),
      {
        username,
        email: `${username}@velosi.example`,
        firstName: 'Quality',
        lastName: 'Assurance',
        roles: ['COMMERCIAL'],
        password,
        phone: '+216 71 000 000',
        title: 'Sales representative',
      },
      bearer(admin),
    );
    expect(res.status).toBe(201);
    created = AdminUserSchema.parse(await res.json());
    expect(res.headers.get('location')).toBe(`/api/admin/users/${created.id}`);
    expect(created).toMatchObject({
      username,
      email: `${username}@velosi.example`,
      enabled: true,
      roles: ['COMMERCIAL'],
      profile: {
        phone: '+216 71 000 000',
        title: 'Sales representative',
        photoUrl: null,
        isSupervisor: false,
      },
    });

    const tokens = await tokensFor(api.url, { username, password });
    const me = MeResponseSchema.parse(
      await (await fetch(`${api.url}/api/auth/me`, { headers: bearer(tokens.access_token) })).json(),
    );
    expect(me).toMatchObject({
      sub: created.id,
      roles: ['COMMERCIAL'],
      profile: { title: 'Sales representative' },
    });
  });

  it('records an audit entry by the admin, without the password', async () => {
    const { db } = api.app.get<symbol, DatabaseHandle>(DATABASE);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, created.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: adminSub,
      action: 'create',
      after: { username, roles: ['COMMERCIAL'] },
    });
    expect(JSON.stringify(rows)).not.toContain(password);
  });

  it('answers 409 naming the duplicate field', async () => {
    const base = { firstName: 'Dup', lastName: 'User', roles: ['COMMERCIAL'], password };
    const sameName = await postJson(
      url(''),
      { ...base, username: username.toUpperCase(), email: `other${run}@velosi.example` },
      bearer(admin),
    );
    expect(sameName.status).toBe(409);
    expect((await problem(sameName)).detail).toBe('A user with this username already exists.');
    const sameMail = await postJson(
      url(''),
      { ...base, username: `qa${run}.other`, email: 'commercial1@velosi.example' },
      bearer(admin),
    );
    expect(sameMail.status).toBe(409);
    expect((await problem(sameMail)).detail).toBe('A user with this e-mail address already exists.');
  });

  it('answers 400 for an unknown body field (no mass assignment)', async () => {
    const res = await postJson(url(''), { username: `qa${run}.x`, realmRoles: ['ADMIN'] }, bearer(admin));
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual(
      expect.arrayContaining([{ field: 'realmRoles', message: 'unknown field', code: 'unknownField' }]),
    );
  });
});

describe('read and update', () => {
  it('GET by id; unknown id is 404; a malformed id is 400', async () => {
    const res = await fetch(url(`/${created.id}`), asAdmin());
    expect(res.status).toBe(200);
    expect(AdminUserSchema.parse(await res.json())).toEqual(created);
    const unknown = await fetch(url(`/${randomUUID()}`), asAdmin());
    expect(unknown.status).toBe(404);
    expect((await problem(unknown)).detail).toBe('User not found.');
    expect((await fetch(url('/..%2F..%2Froles'), asAdmin())).status).toBe(400);
  });

  it('PATCH changes names, profile and roles (diffed), and the next login carries the new roles', async () => {
    const res = await patch(created.id, {
      firstName: 'Quentin',
      roles: ['COMMERCIAL', 'FINANCE'],
      isSupervisor: true,
    });
    expect(res.status).toBe(200);
    const updated = AdminUserSchema.parse(await res.json());
    expect(updated).toMatchObject({
      firstName: 'Quentin',
      lastName: 'Assurance',
      roles: ['COMMERCIAL', 'FINANCE'],
    });
    expect(updated.profile).toMatchObject({ isSupervisor: true, title: 'Sales representative' });

    const dropped = AdminUserSchema.parse(await (await patch(created.id, { roles: ['FINANCE'] })).json());
    expect(dropped.roles).toEqual(['FINANCE']);
    // Removing a role revokes the tokens issued up to the end of that second (iat has 1 s grain).
    await nextSecond();
    const tokens = await tokensFor(api.url, { username, password });
    const verify = await (
      await fetch(`${api.url}/api/auth/verify`, { headers: bearer(tokens.access_token) })
    ).json();
    expect(verify).toMatchObject({ roles: ['FINANCE'] });
  });

  it('PATCH rejects unknown fields (username is not editable), and unknown ids', async () => {
    const res = await patch(created.id, { username: 'renamed' });
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([
      { field: 'username', message: 'unknown field', code: 'unknownField' },
    ]);
    expect((await patch(randomUUID(), { firstName: 'Nobody' })).status).toBe(404);
  });

  it('an admin cannot disable themself', async () => {
    const res = await patch(adminSub, { enabled: false });
    expect(res.status).toBe(409);
  });
});

describe('passwords and sessions', () => {
  it('reset-password: 204, the old password stops working, the new one works', async () => {
    const next = 'Changed#2026-pw';
    const res = await postJson(url(`/${created.id}/reset-password`), { password: next }, bearer(admin));
    expect(res.status).toBe(204);
    expect((await login(api.url, username, password)).status).toBe(401);
    expect((await login(api.url, username, next)).status).toBe(200);
    // The realm keeps a password history: going back to the original one is refused.
    const back = await postJson(url(`/${created.id}/reset-password`), { password }, bearer(admin));
    expect(back.status).toBe(400);
    expect((await problem(back)).errors?.[0]).toMatchObject({
      field: 'password',
      message: 'Invalid password: must not be equal to any of last 3 passwords.',
    });
    current = next;
  });

  it('reset-password refused by the password policy is a 400 on the password field', async () => {
    const res = await postJson(url(`/${created.id}/reset-password`), { password: username }, bearer(admin));
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.field).toBe('password');
  });

  it('sessions are listed, then ended: the refresh token dies', async () => {
    const tokens = await tokensFor(api.url, { username, password: current });
    const listed = await fetch(url(`/${created.id}/sessions`), asAdmin());
    expect(listed.status).toBe(200);
    const sessions = UserSessionSchema.array().parse(await listed.json());
    expect(sessions.length).toBeGreaterThanOrEqual(1);
    expect(sessions[0]?.clients).toContain('velosi_auth');

    const ended = await fetch(url(`/${created.id}/sessions`), asAdmin({ method: 'DELETE' }));
    expect(ended.status).toBe(204);
    expect((await refresh(tokens.refresh_token)).status).toBe(401);
    expect(await (await fetch(url(`/${created.id}/sessions`), asAdmin())).json()).toEqual([]);
    expect((await fetch(url(`/${randomUUID()}/sessions`), asAdmin())).status).toBe(404);
  });

  it('a removed role: the access tokens already issued are refused at once', async () => {
    await nextSecond();
    const before = await tokensFor(api.url, { username, password: current });
    expect((await verify(before.access_token)).status).toBe(200);
    expect((await patch(created.id, { roles: ['OPERATIONS'] })).status).toBe(200);
    expect((await verify(before.access_token)).status).toBe(401);
    await nextSecond();
    const after = await tokensFor(api.url, { username, password: current });
    expect(await (await verify(after.access_token)).json()).toMatchObject({ roles: ['OPERATIONS'] });
  });

  it('ending the sessions refuses the access tokens already issued', async () => {
    await nextSecond();
    const tokens = await tokensFor(api.url, { username, password: current });
    expect((await fetch(url(`/${created.id}/sessions`), asAdmin({ method: 'DELETE' }))).status).toBe(204);
    expect((await verify(tokens.access_token)).status).toBe(401);
  });

  it('signing out (DELETE /api/auth/session) refuses the token of that session only', async () => {
    await nextSecond();
    const phone = await tokensFor(api.url, { username, password: current });
    const laptop = await tokensFor(api.url, { username, password: current });
    const out = await fetch(`${api.url}/api/auth/session`, {
      method: 'DELETE',
      headers: bearer(phone.access_token),
    });
    expect(out.status).toBe(204);
    expect((await verify(phone.access_token)).status).toBe(401);
    expect((await verify(laptop.access_token)).status).toBe(200);
  });

  it('disabling a user stops their refresh and their logins (same generic 401)', async () => {
    await nextSecond();
    const tokens = await tokensFor(api.url, { username, password: current });
    expect((await verify(tokens.access_token)).status).toBe(200);
    const res = await patch(created.id, { enabled: false });
    expect(res.status).toBe(200);
    expect(AdminUserSchema.parse(await res.json()).enabled).toBe(false);
    expect((await refresh(tokens.refresh_token)).status).toBe(401);
    // The access token in hand stops working too, not only when it expires.
    expect((await verify(tokens.access_token)).status).toBe(401);
    const denied = await login(api.url, username, current);
    expect(denied.status).toBe(401);
    expect((await problem(denied)).detail).toBe('Invalid username or password.');

    const { db } = api.app.get<symbol, DatabaseHandle>(DATABASE);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, created.id)));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'reset_password', 'end_sessions']),
    );
  });
});
