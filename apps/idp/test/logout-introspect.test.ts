import { describe, expect, it } from 'vitest';
import {
  browserGet,
  browserPost,
  codeLogin,
  exchangeCode,
  passwordLogin,
  testIdpForFile,
} from './support.js';

const t = testIdpForFile();

describe('RP-initiated logout without id_token_hint', () => {
  it('asks for confirmation (FR page, #kc-logout), then ends the session and redirects', async () => {
    const { callback, verifier, jar } = await codeLogin(t, 'commercial1', 'Commercial1#2026');
    const { body } = await exchangeCode(t, callback.searchParams.get('code')!, verifier);
    const url = `${t.idp.issuer}/protocol/openid-connect/logout?${new URLSearchParams({
      client_id: 'velosi_web',
      post_logout_redirect_uri: 'http://localhost:3000/',
    })}`;
    const confirm = await browserGet(jar, url);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('id="kc-logout"');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!;
    const done = await browserPost(jar, new URL(action, url).href, { xsrf, logout: 'yes' });
    expect([302, 303]).toContain(done.status);
    expect(done.headers.get('location')).toBe('http://localhost:3000/');
    const refresh = await t.token(
      { grant_type: 'refresh_token', refresh_token: body.refresh_token!, client_id: 'velosi_web' },
      'none',
    );
    expect(refresh.status).toBe(400);
  });

  it('rejects an unregistered post_logout_redirect_uri with an id_token_hint (400, no redirect)', async () => {
    const { callback, verifier } = await codeLogin(t, 'ops1', 'Ops1#Velosi2026');
    const { body } = await exchangeCode(t, callback.searchParams.get('code')!, verifier);
    const response = await fetch(
      `${t.idp.issuer}/protocol/openid-connect/logout?${new URLSearchParams({ id_token_hint: body.id_token!, post_logout_redirect_uri: 'http://evil.example/' })}`,
      { redirect: 'manual' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('introspection and revocation', () => {
  const introspect = (token: string, secret = 'velosi-auth-dev-secret') =>
    fetch(`${t.idp.issuer}/protocol/openid-connect/token/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: 'velosi_auth', client_secret: secret }),
    });

  it('follows Keycloak 26.7: a token is active only for a caller in its audience', async () => {
    const login = await passwordLogin(t, 'admin', 'Admin#Velosi2026');
    expect(await (await introspect(login.body.access_token!)).json()).toEqual({ active: false });
    const refresh = (await (await introspect(login.body.refresh_token!)).json()) as Record<string, unknown>;
    expect(refresh).toMatchObject({
      active: true,
      typ: 'Refresh',
      client_id: 'velosi_auth',
      username: 'admin',
    });
    expect((await introspect(login.body.access_token!, 'wrong')).status).toBe(401);
  });

  it('revocation of a refresh token ends it (200, then invalid_grant)', async () => {
    const login = await passwordLogin(t, 'finance1', 'Finance1#2026');
    const revoke = await fetch(`${t.idp.issuer}/protocol/openid-connect/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('velosi_auth:velosi-auth-dev-secret').toString('base64')}`,
      },
      body: new URLSearchParams({ token: login.body.refresh_token!, token_type_hint: 'refresh_token' }),
    });
    expect(revoke.status).toBe(200);
    const refresh = await t.token({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token! });
    expect(await refresh.json()).toEqual({ error: 'invalid_grant', error_description: 'Session not active' });
  });
});
