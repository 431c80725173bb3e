import { describe, expect, it } from 'vitest';
import { useAdminIdp, type Role, type User } from './admin-support.js';
import { codeLogin, exchangeCode, passwordLogin } from './support.js';

const idp = useAdminIdp();
const { admin, userId } = idp;

describe('admin API authorisation', () => {
  it('answers 401 without or with an invalid token, 403 without realm-management roles', async () => {
    expect((await admin('GET', '/users', undefined, '')).status).toBe(401);
    expect((await admin('GET', '/users', undefined, 'not.a.jwt')).status).toBe(401);
    const commercial = await passwordLogin(idp.t, 'commercial1', 'Commercial1#2026');
    const forbidden = await admin('GET', '/users', undefined, commercial.body.access_token);
    expect(forbidden.status).toBe(403);
  });
});

describe('users', () => {
  it('lists users like Keycloak (sorted, no service account, short access)', async () => {
    const { status, headers, body } = await admin('GET', '/users?first=0&max=20');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const users = body as User[];
    expect(users.map((user) => user.username)).toEqual([
      'admin',
      'commercial1',
      'commercial2',
      'finance1',
      'ops1',
    ]);
    expect(Object.keys(users[0]!)).toEqual([
      'id',
      'username',
      'firstName',
      'lastName',
      'email',
      'emailVerified',
      'enabled',
      'createdTimestamp',
      'totp',
      'disableableCredentialTypes',
      'requiredActions',
      'notBefore',
      'access',
    ]);
    expect(users[0]!.access).toEqual({ manage: true });
    expect((await admin('GET', '/users/count')).body).toBe(5);
  });

  it('searches by prefix, wildcard and exact value', async () => {
    const names = async (query: string) =>
      ((await admin('GET', `/users?${query}`)).body as User[]).map((u) => u.username);
    expect(await names('search=comm')).toEqual(['commercial1', 'commercial2']);
    expect(await names('search=AMIRA')).toEqual(['commercial1']);
    expect(await names('search=ben')).toEqual(['commercial1']);
    expect(await names('search=mercial')).toEqual([]);
    expect(await names('search=ben%20salah')).toEqual([]);
    expect(await names('search=*mercial')).toEqual(['commercial1', 'commercial2']);
    expect(await names('search=%22commercial1%22')).toEqual(['commercial1']);
    expect(await names('search=comm&first=1&max=1')).toEqual(['commercial2']);
    expect(await names('username=commercial&exact=true')).toEqual([]);
    expect(await names('email=velosi.example')).toHaveLength(5);
    expect((await admin('GET', '/users/count?search=comm')).body).toBe(2);
  });

  it('creates a user (201 + Location) who can then log in; duplicates answer 409', async () => {
    const created = await admin('POST', '/users', {
      username: 'Nouveau.User',
      email: 'Nouveau@Velosi.Example',
      firstName: 'Nouveau',
      lastName: 'User',
      enabled: true,
      credentials: [{ type: 'password', value: 'Nouveau#2026', temporary: false }],
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^${idp.base}/users/[0-9a-f-]{36}$`));
    const fetched = await fetch(location, { headers: { authorization: `Bearer ${idp.serviceToken}` } });
    const user = (await fetched.json()) as User;
    expect(user).toMatchObject({ username: 'nouveau.user', email: 'nouveau@velosi.example', enabled: true });
    expect(user.access).toEqual({
      manageGroupMembership: true,
      resetPassword: true,
      view: true,
      mapRoles: true,
      impersonate: false,
      manage: true,
    });
    const roles = (await admin('GET', `/users/${user.id}/role-mappings/realm`)).body as Role[];
    expect(roles.map((role) => role.name)).toEqual(['default-roles-erp_velosi']);

    expect((await passwordLogin(idp.t, 'nouveau.user', 'Nouveau#2026')).status).toBe(200);
    const { callback } = await codeLogin(idp.t, 'Nouveau@Velosi.Example', 'Nouveau#2026');
    expect(callback.searchParams.get('code')).toBeTruthy();

    const sameName = await admin('POST', '/users', { username: 'NOUVEAU.USER', email: 'x@velosi.example' });
    expect(sameName).toMatchObject({ status: 409, body: { errorMessage: 'User exists with same username' } });
    const sameEmail = await admin('POST', '/users', { username: 'other', email: 'nouveau@velosi.example' });
    expect(sameEmail).toMatchObject({ status: 409, body: { errorMessage: 'User exists with same email' } });
    expect(await admin('POST', '/users', { email: 'nobody@velosi.example' })).toMatchObject({
      status: 400,
      body: { errorMessage: 'User name is missing' },
    });
    expect(
      await admin('POST', '/users', {
        username: 'weak',
        credentials: [{ type: 'password', value: 'short' }],
      }),
    ).toMatchObject({
      status: 400,
      body: {
        error: 'invalidPasswordMinLengthMessage',
        error_description: 'Invalid password: minimum length 12.',
      },
    });
    expect(((await admin('GET', '/users?username=weak&exact=true')).body as User[]).length).toBe(0);
  });

  it('creates users disabled unless told otherwise, ignoring realmRoles', async () => {
    await admin('POST', '/users', { username: 'quiet', realmRoles: ['ADMIN'] });
    const id = await userId('quiet');
    expect(((await admin('GET', `/users/${id}`)).body as User).enabled).toBe(false);
    const roles = (await admin('GET', `/users/${id}/role-mappings/realm`)).body as Role[];
    expect(roles.map((role) => role.name)).toEqual(['default-roles-erp_velosi']);
  });

  it('updates, validates and answers 404 for unknown ids', async () => {
    const id = await userId('commercial2');
    expect((await admin('PUT', `/users/${id}`, { firstName: 'Karim-Updated' })).status).toBe(204);
    expect(((await admin('GET', `/users/${id}`)).body as { firstName: string }).firstName).toBe(
      'Karim-Updated',
    );
    expect(await admin('PUT', `/users/${id}`, { email: 'admin@velosi.example' })).toMatchObject({
      status: 409,
      body: { errorMessage: 'User exists with same email' },
    });
    expect(await admin('PUT', `/users/${id}`, { email: 'not-an-email' })).toMatchObject({
      status: 400,
      body: { field: 'email', errorMessage: 'error-invalid-email', params: ['email', 'not-an-email'] },
    });
    expect(await admin('PUT', `/users/${id}`, { username: 'renamed' })).toMatchObject({
      status: 400,
      body: { field: 'username', errorMessage: 'error-user-attribute-read-only' },
    });
    const unknown = '00000000-0000-0000-0000-000000000000';
    for (const [method, path] of [
      ['GET', `/users/${unknown}`],
      ['PUT', `/users/${unknown}`],
      ['POST', `/users/${unknown}/logout`],
      ['PUT', `/users/${unknown}/reset-password`],
      ['DELETE', `/users/${unknown}`],
    ] as const) {
      expect(
        await admin(
          method,
          path,
          method === 'PUT' ? { type: 'password', value: 'Whatever#2026' } : undefined,
        ),
      ).toMatchObject({
        status: 404,
        body: { error: 'User not found' },
      });
    }
  });

  it('disabling a user makes refresh and new logins fail', async () => {
    const login = await passwordLogin(idp.t, 'finance1', 'Finance1#2026');
    const id = await userId('finance1');
    expect((await admin('PUT', `/users/${id}`, { enabled: false })).status).toBe(204);
    const refresh = await idp.t.token({
      grant_type: 'refresh_token',
      refresh_token: login.body.refresh_token!,
    });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'User disabled' });
    expect(await passwordLogin(idp.t, 'finance1', 'Finance1#2026')).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Account disabled' },
    });
    expect((await admin('PUT', `/users/${id}`, { enabled: true })).status).toBe(204);
    expect((await passwordLogin(idp.t, 'finance1', 'Finance1#2026')).status).toBe(200);
  });

  it('lists sessions and logs a user out of all of them', async () => {
    const id = await userId('ops1');
    const direct = await passwordLogin(idp.t, 'ops1', 'Ops1#Velosi2026');
    const { callback, verifier } = await codeLogin(idp.t, 'ops1', 'Ops1#Velosi2026');
    const browser = await exchangeCode(idp.t, callback.searchParams.get('code')!, verifier);
    const sessions = (await admin('GET', `/users/${id}/sessions`)).body as Array<Record<string, unknown>>;
    expect(sessions).toHaveLength(2);
    expect(Object.keys(sessions[0]!)).toEqual([
      'id',
      'username',
      'userId',
      'ipAddress',
      'start',
      'lastAccess',
      'rememberMe',
      'clients',
      'transientUser',
    ]);
    expect(sessions.map((session) => session.id).sort()).toEqual(
      [direct.body.session_state, browser.body.session_state].sort(),
    );
    expect(sessions.flatMap((session) => Object.values(session.clients as object)).sort()).toEqual([
      'velosi_auth',
      'velosi_web',
    ]);
    expect(sessions[0]).toMatchObject({
      username: 'ops1',
      userId: id,
      ipAddress: '127.0.0.1',
      rememberMe: false,
    });

    expect((await admin('POST', `/users/${id}/logout`)).status).toBe(204);
    expect((await admin('GET', `/users/${id}/sessions`)).body).toEqual([]);
    for (const [token, client] of [
      [direct.body.refresh_token!, undefined],
      [browser.body.refresh_token!, 'velosi_web'],
    ] as const) {
      const response = client
        ? await idp.t.token({ grant_type: 'refresh_token', refresh_token: token, client_id: client }, 'none')
        : await idp.t.token({ grant_type: 'refresh_token', refresh_token: token });
      expect(await response.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Session not active',
      });
    }
  });

  it('resets passwords under the realm password policy', async () => {
    const id = await userId('commercial1');
    expect(
      await admin('PUT', `/users/${id}/reset-password`, {
        type: 'password',
        value: 'short',
        temporary: false,
      }),
    ).toMatchObject({
      status: 400,
      body: {
        error: 'invalidPasswordMinLengthMessage',
        error_description: 'Invalid password: minimum length 12.',
      },
    });
    expect(
      (
        await admin('PUT', `/users/${id}/reset-password`, {
          type: 'password',
          value: 'Changed#2026',
          temporary: false,
        })
      ).status,
    ).toBe(204);
    expect((await passwordLogin(idp.t, 'commercial1', 'Commercial1#2026')).status).toBe(400);
    expect((await passwordLogin(idp.t, 'commercial1', 'Changed#2026')).status).toBe(200);
  });

  it('enforces the realm policy length(12) and notUsername and notEmail and passwordHistory(3)', async () => {
    const refused = (error: string, error_description: string) => ({
      status: 400,
      body: { error, error_description },
    });
    const username = 'policy.tester';
    const email = 'policy.tester@velosi.example';
    // On create: too short, the username, the e-mail (case does not matter) — and nothing created.
    const create = (value: string) =>
      admin('POST', '/users', { username, email, enabled: true, credentials: [{ type: 'password', value }] });
    expect(await create('Short#2026')).toMatchObject(
      refused('invalidPasswordMinLengthMessage', 'Invalid password: minimum length 12.'),
    );
    expect(await create('POLICY.TESTER')).toMatchObject(
      refused('invalidPasswordNotUsernameMessage', 'Invalid password: must not be equal to the username.'),
    );
    expect(await create(email.toUpperCase())).toMatchObject(
      refused('invalidPasswordNotEmailMessage', 'Invalid password: must not be equal to the email.'),
    );
    expect(((await admin('GET', `/users?username=${username}&exact=true`)).body as User[]).length).toBe(0);

    expect((await create('First#Policy2026')).status).toBe(201);
    const id = await userId(username);
    const reset = (value: string) =>
      admin('PUT', `/users/${id}/reset-password`, { type: 'password', value, temporary: false });
    const reused = refused(
      'invalidPasswordHistoryMessage',
      'Invalid password: must not be equal to any of last 3 passwords.',
    );
    // The current password and the two before it are refused; the fourth one back is free again.
    expect(await reset('First#Policy2026')).toMatchObject(reused);
    expect((await reset('Second#Policy2026')).status).toBe(204);
    expect((await reset('Third#Policy2026')).status).toBe(204);
    expect(await reset('First#Policy2026')).toMatchObject(reused);
    expect(await reset('Second#Policy2026')).toMatchObject(reused);
    // A refused password changes nothing: the current one still logs in.
    expect((await passwordLogin(idp.t, username, 'Third#Policy2026')).status).toBe(200);
    expect((await reset('Fourth#Policy2026')).status).toBe(204);
    expect((await reset('First#Policy2026')).status).toBe(204);
    // The same rules hold for credentials sent with a user update.
    expect(
      await admin('PUT', `/users/${id}`, { credentials: [{ type: 'password', value: 'Fourth#Policy2026' }] }),
    ).toMatchObject(reused);
    expect(
      await admin('PUT', `/users/${id}`, { credentials: [{ type: 'password', value: 'tiny' }] }),
    ).toMatchObject(refused('invalidPasswordMinLengthMessage', 'Invalid password: minimum length 12.'));
    expect((await passwordLogin(idp.t, username, 'First#Policy2026')).status).toBe(200);
    expect((await admin('DELETE', `/users/${id}`)).status).toBe(204);
  });

  it('deletes a user: 204, then 404, and the user can no longer log in', async () => {
    await admin('POST', '/users', {
      username: 'to.delete',
      enabled: true,
      credentials: [{ type: 'password', value: 'Delete#2026-pw' }],
    });
    const id = await userId('to.delete');
    const login = await passwordLogin(idp.t, 'to.delete', 'Delete#2026-pw');
    expect(login.status).toBe(200);
    expect((await admin('DELETE', `/users/${id}`)).status).toBe(204);
    expect((await admin('GET', `/users/${id}`)).status).toBe(404);
    expect((await passwordLogin(idp.t, 'to.delete', 'Delete#2026-pw')).status).toBe(400);
    expect(
      (await idp.t.token({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token! })).status,
    ).toBe(400);
  });
});
