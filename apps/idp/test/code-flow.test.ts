import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  browserGet,
  claimOrder,
  claimsOf,
  codeLogin,
  CookieJar,
  exchangeCode,
  follow,
  openLoginPage,
  PKCE,
  PROFILE_CLAIMS,
  testIdpForFile,
  verifiedClaims,
  WEB_REDIRECT,
} from './support.js';

const t = testIdpForFile();

describe('authorization code + PKCE (velosi_web)', () => {
  it('logs in through the login page and exchanges the code with the verifier', async () => {
    const { callback, verifier } = await codeLogin(t, 'commercial1', 'Commercial1#2026');
    expect(callback.href.startsWith(WEB_REDIRECT)).toBe(true);
    expect(callback.searchParams.get('state')).toBe('st1');
    expect(callback.searchParams.get('iss')).toBe(t.idp.issuer);
    const sessionState = callback.searchParams.get('session_state');
    expect(sessionState).toBeTruthy();

    const { status, body } = await exchangeCode(t, callback.searchParams.get('code')!, verifier);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      scope: 'openid profile email',
      session_state: sessionState,
    });
    const payload = await verifiedClaims(t, body.access_token!, 'velosi-api');
    expect(Object.keys(payload)).toEqual(
      claimOrder(
        ['sid', 'acr', 'allowed-origins', 'realm_access', 'resource_access', 'scope', ...PROFILE_CLAIMS],
        { authTime: true },
      ),
    );
    expect(payload).toMatchObject({
      azp: 'velosi_web',
      sid: sessionState,
      typ: 'Bearer',
      'allowed-origins': ['http://localhost:3000'],
      preferred_username: 'commercial1',
    });
    expect(payload.jti).toMatch(/^onrtac:/);
    const id = claimsOf(body.id_token!);
    expect(Object.keys(id)).toEqual(
      claimOrder(['nonce', 'sid', 'at_hash', 'acr', ...PROFILE_CLAIMS], { authTime: true }),
    );
    expect(id).toMatchObject({ aud: 'velosi_web', nonce: 'n1', typ: 'ID', sid: sessionState });

    // The public client refreshes with rotation too.
    const refreshed = await t.token(
      { grant_type: 'refresh_token', refresh_token: body.refresh_token!, client_id: 'velosi_web' },
      'none',
    );
    expect(refreshed.status).toBe(200);
    expect(claimsOf(((await refreshed.json()) as { access_token: string }).access_token)).toMatchObject({
      sid: sessionState,
    });
  });

  it('refuses a wrong code_verifier', async () => {
    const { callback } = await codeLogin(t, 'ops1', 'Ops1#Velosi2026');
    const { status, body } = await exchangeCode(t, callback.searchParams.get('code')!, 'x'.repeat(43));
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'invalid_grant',
      error_description: 'PKCE verification failed: Invalid code verifier',
    });
  });

  it('refuses a code exchange without code_verifier', async () => {
    const { callback } = await codeLogin(t, 'ops1', 'Ops1#Velosi2026');
    const { status, body } = await exchangeCode(t, callback.searchParams.get('code')!, undefined);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
  });

  it('refuses an authorization request without PKCE (error sent back to the client)', async () => {
    const jar = new CookieJar();
    const response = await browserGet(jar, authorizeUrl(t, {}));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!);
    expect(location.href.startsWith(WEB_REDIRECT)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('honours the wildcard redirect URI and rejects foreign ones with a 400 page', async () => {
    const jar = new CookieJar();
    const ok = await openLoginPage(t, jar, {
      redirect_uri: 'http://localhost:3000/deep/path?x=1',
      ...PKCE,
    });
    expect(ok.status).toBe(200);
    expect(ok.action).toBeTruthy();
    for (const bad of [
      'http://evil.example/cb',
      'http://localhost:3001/cb',
      'http://localhost:3000.evil.example/',
    ]) {
      const response = await browserGet(
        new CookieJar(),
        authorizeUrl(t, {
          redirect_uri: bad,
          ...PKCE,
        }),
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
  });

  it('reuses the SSO session for a second authorization without asking again', async () => {
    const { jar } = await codeLogin(t, 'finance1', 'Finance1#2026');
    const second = await browserGet(jar, authorizeUrl(t, PKCE));
    const { url } = await follow(jar, second, authorizeUrl(t, {}));
    expect(new URL(url).searchParams.get('code')).toBeTruthy();
  });

  it('RP-initiated logout with id_token_hint ends the session and redirects at once', async () => {
    const { callback, verifier, jar } = await codeLogin(t, 'commercial2', 'Commercial2#2026');
    const { body } = await exchangeCode(t, callback.searchParams.get('code')!, verifier);
    const logout = new URL(`${t.idp.issuer}/protocol/openid-connect/logout`);
    logout.search = new URLSearchParams({
      id_token_hint: body.id_token!,
      post_logout_redirect_uri: 'http://localhost:3000/',
      state: 'bye',
    }).toString();
    const response = await browserGet(jar, logout.href);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:3000/?state=bye');
    const refresh = await t.token(
      { grant_type: 'refresh_token', refresh_token: body.refresh_token!, client_id: 'velosi_web' },
      'none',
    );
    expect(await refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'Session not active' });
    // The browser session is gone: a new authorization shows the login page again.
    const again = await openLoginPage(t, jar, PKCE);
    expect(again.action).toBeTruthy();
  });

  it('lets the SPA origin call the token endpoint (CORS from webOrigins), not others', async () => {
    const token = `${t.idp.issuer}/protocol/openid-connect/token`;
    const preflight = await fetch(token, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const { callback, verifier } = await codeLogin(t, 'admin', 'Admin#Velosi2026');
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: WEB_REDIRECT,
      client_id: 'velosi_web',
      code_verifier: verifier,
    });
    const headers = { origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded' };
    const allowed = await fetch(token, { method: 'POST', headers, body });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const evil = await fetch(token, {
      method: 'POST',
      headers: { ...headers, origin: 'http://evil.example' },
      body,
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
