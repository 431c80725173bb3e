import { describe, expect, it } from 'vitest';
import { testIdpForFile } from './support.js';

const t = testIdpForFile();

describe('discovery and keys', () => {
  it('publishes Keycloak paths under the realm issuer', async () => {
    const response = await fetch(`${t.idp.url}/realms/ERP_Velosi/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    const protocol = `${t.idp.url}/realms/ERP_Velosi/protocol/openid-connect`;
    expect(doc.issuer).toBe(`${t.idp.url}/realms/ERP_Velosi`);
    expect(t.idp.issuer).toBe(doc.issuer);
    expect(doc).toMatchObject({
      authorization_endpoint: `${protocol}/auth`,
      token_endpoint: `${protocol}/token`,
      jwks_uri: `${protocol}/certs`,
      userinfo_endpoint: `${protocol}/userinfo`,
      end_session_endpoint: `${protocol}/logout`,
      introspection_endpoint: `${protocol}/token/introspect`,
      revocation_endpoint: `${protocol}/revoke`,
    });
    expect(doc.code_challenge_methods_supported).toContain('S256');
    expect(doc.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'password', 'client_credentials']),
    );
  });

  it('serves a JWKS of public RS256 signing keys with kids', async () => {
    const response = await fetch(`${t.idp.issuer}/protocol/openid-connect/certs`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(key.d).toBeUndefined();
      expect(key.p).toBeUndefined();
    }
  });

  it('answers the realm info document and 404 elsewhere', async () => {
    const info = await fetch(`${t.idp.issuer}`);
    expect(await info.json()).toMatchObject({
      realm: 'ERP_Velosi',
      'token-service': `${t.idp.issuer}/protocol/openid-connect`,
    });
    expect((await fetch(`${t.idp.url}/realms/OTHER/.well-known/openid-configuration`)).status).toBe(404);
  });
});
