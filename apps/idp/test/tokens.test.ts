import { describe, expect, it } from 'vitest';
import {
  claimOrder,
  claimsOf,
  headerOf,
  passwordLogin,
  PROFILE_CLAIMS,
  testIdpForFile,
  verifiedClaims,
} from './support.js';

const t = testIdpForFile();

describe('password grant (velosi_auth)', () => {
  it('issues Keycloak-shaped tokens for good credentials', async () => {
    const { status, body } = await passwordLogin(t, 'commercial1', 'Commercial1#2026');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual([
      'access_token',
      'expires_in',
      'refresh_expires_in',
      'refresh_token',
      'token_type',
      'id_token',
      'not-before-policy',
      'session_state',
      'scope',
    ]);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 300,
      refresh_expires_in: 28800,
      scope: 'openid profile email',
    });

    const payload = await verifiedClaims(t, body.access_token!, 'velosi-api');
    expect(headerOf(body.access_token!)).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
    // Same keys, same order as Keycloak 26.7's password-grant token (checked live by keycloak-parity.test.ts).
    expect(Object.keys(payload)).toEqual(
      claimOrder(['sid', 'acr', 'realm_access', 'resource_access', 'scope', ...PROFILE_CLAIMS]),
    );
    expect(payload).toMatchObject({
      aud: ['velosi-api', 'account'],
      typ: 'Bearer',
      azp: 'velosi_auth',
      sid: body.session_state,
      acr: '1',
      scope: 'openid profile email',
      email_verified: true,
      name: 'Amira Ben Salah',
      preferred_username: 'commercial1',
      given_name: 'Amira',
      family_name: 'Ben Salah',
      email: 'commercial1@velosi.example',
      resource_access: {
        account: {
          roles: expect.arrayContaining(['manage-account', 'manage-account-links', 'view-profile']),
        },
      },
    });
    expect((payload.realm_access as { roles: string[] }).roles.sort()).toEqual([
      'COMMERCIAL',
      'default-roles-erp_velosi',
      'offline_access',
      'uma_authorization',
    ]);
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.jti).toMatch(/^onrtro:[0-9a-f-]{36}$/);

    const id = claimsOf(body.id_token!);
    expect(headerOf(body.id_token!)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(id).toMatchObject({
      aud: 'velosi_auth',
      typ: 'ID',
      azp: 'velosi_auth',
      sid: body.session_state,
      acr: '1',
      sub: payload.sub,
    });
    expect(id.auth_time).toBeUndefined();
    expect(id.at_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('without scope=openid returns no id_token and scope "profile email"', async () => {
    const { status, body } = await passwordLogin(t, 'ops1', 'Ops1#Velosi2026', '');
    expect(status).toBe(200);
    expect(body.id_token).toBeUndefined();
    expect(body.scope).toBe('profile email');
  });

  it('refuses a bad password with 400 invalid_grant like Keycloak', async () => {
    const { status, body } = await passwordLogin(t, 'finance1', 'wrong-password');
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
  });

  it('refuses an unknown user and a wrong client secret', async () => {
    expect((await passwordLogin(t, 'nobody', 'whatever1')).body.error_description).toBe(
      'Invalid user credentials',
    );
    const response = await t.token(
      { grant_type: 'password', username: 'admin', password: 'Admin#Velosi2026' },
      { id: 'velosi_auth', secret: 'not-the-secret' },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Invalid client or Invalid client credentials',
    });
  });

  it('refuses the password grant for velosi_web (no direct access grants)', async () => {
    const response = await t.token(
      { grant_type: 'password', username: 'admin', password: 'Admin#Velosi2026', client_id: 'velosi_web' },
      'none',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Client not allowed for direct access grants',
    });
  });

  it('accepts client_secret_post as well as basic', async () => {
    const response = await t.token(
      {
        grant_type: 'password',
        username: 'admin',
        password: 'Admin#Velosi2026',
        client_id: 'velosi_auth',
        client_secret: 'velosi-auth-dev-secret',
      },
      'none',
    );
    expect(response.status).toBe(200);
  });
});

describe('client credentials (service account)', () => {
  it('issues a service-account token with realm-management roles', async () => {
    const response = await t.token({ grant_type: 'client_credentials' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      refresh_expires_in: 0,
      scope: 'profile email',
      'not-before-policy': 0,
    });
    expect(body.refresh_token).toBeUndefined();
    expect(body.session_state).toBeUndefined();
    const payload = await verifiedClaims(t, body.access_token!);
    expect(Object.keys(payload)).toEqual(
      claimOrder(['acr', 'realm_access', 'resource_access', 'scope', 'email_verified', 'preferred_username']),
    );
    expect(payload).toMatchObject({
      aud: ['velosi-api', 'realm-management', 'account'],
      typ: 'Bearer',
      azp: 'velosi_auth',
      preferred_username: 'service-account-velosi_auth',
      email_verified: false,
    });
    expect(payload.jti).toMatch(/^trrtcc:/);
    const management = (payload.resource_access as Record<string, { roles: string[] }>)['realm-management']!
      .roles;
    expect(management.sort()).toEqual([
      'manage-users',
      'query-groups',
      'query-users',
      'view-realm',
      'view-users',
    ]);
  });

  it('is refused to the public client', async () => {
    const response = await t.token({ grant_type: 'client_credentials', client_id: 'velosi_web' }, 'none');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Public client not allowed to retrieve service account',
    });
  });
});

describe('refresh tokens', () => {
  it('rotate: the new one works, a replayed old one is refused and ends the client session', async () => {
    const login = await passwordLogin(t, 'commercial2', 'Commercial2#2026');
    const first = await t.token({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token! });
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as Record<string, string>;
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(login.body.refresh_token);
    expect(claimsOf(rotated.access_token!)).toMatchObject({
      sid: login.body.session_state,
      preferred_username: 'commercial2',
    });
    expect(rotated.session_state).toBe(login.body.session_state);

    const replay = await t.token({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token! });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Maximum allowed refresh token reuse exceeded',
    });
    // Keycloak then detaches the client from the session: the newest token is refused too.
    const after = await t.token({ grant_type: 'refresh_token', refresh_token: rotated.refresh_token! });
    expect(after.status).toBe(400);
    expect(((await after.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('userinfo answers for a live session and 401 once it is gone', async () => {
    const login = await passwordLogin(t, 'ops1', 'Ops1#Velosi2026');
    const userinfo = `${t.idp.issuer}/protocol/openid-connect/userinfo`;
    const ok = await fetch(userinfo, { headers: { authorization: `Bearer ${login.body.access_token}` } });
    expect(ok.status).toBe(200);
    expect(Object.keys((await ok.json()) as object)).toEqual(['sub', ...PROFILE_CLAIMS]);
    const logout = await fetch(`${t.idp.issuer}/protocol/openid-connect/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'velosi_auth',
        client_secret: 'velosi-auth-dev-secret',
        refresh_token: login.body.refresh_token!,
      }),
    });
    expect(logout.status).toBe(204);
    const gone = await fetch(userinfo, { headers: { authorization: `Bearer ${login.body.access_token}` } });
    expect(gone.status).toBe(401);
    expect(gone.headers.get('www-authenticate')).toContain('error_description="user_session_not_found"');
    const refresh = await t.token({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token! });
    expect(await refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'Session not active' });
  });
});
