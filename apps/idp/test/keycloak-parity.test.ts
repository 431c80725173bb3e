// Runs only beside a real Keycloak (npm run test:keycloak sets KEYCLOAK_ISSUER_URL): the same user
// logs in on both, and the two access tokens must carry the same claim names with the roles in the
// same place — what the API guard and the SPA read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_SECRET, claimsOf, headerOf, passwordLogin, startTestIdp, type TestIdp } from './support.js';

const keycloakIssuer = process.env.KEYCLOAK_ISSUER_URL;

async function keycloakPasswordLogin(username: string, password: string) {
  const res = await fetch(`${keycloakIssuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'velosi_auth',
      client_secret: process.env.VELOSI_AUTH_CLIENT_SECRET ?? AUTH_SECRET,
      username,
      password,
      scope: 'openid',
    }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; id_token: string };
}

describe.skipIf(!keycloakIssuer)('dev IdP ↔ real Keycloak token parity', () => {
  let t: TestIdp;
  beforeAll(async () => {
    t = await startTestIdp();
  });
  afterAll(() => t?.stop());

  for (const [username, password, role] of [
    ['commercial1', 'Commercial1#2026', 'COMMERCIAL'],
    ['admin', 'Admin#Velosi2026', 'ADMIN'],
  ] as const) {
    it(`issues ${username} access tokens with the same claim names and role placement`, async () => {
      const dev = await passwordLogin(t, username, password);
      expect(dev.status).toBe(200);
      const kc = await keycloakPasswordLogin(username, password);
      const devClaims = claimsOf(String(dev.body.access_token));
      const kcClaims = claimsOf(kc.access_token);

      expect(Object.keys(devClaims).sort()).toEqual(Object.keys(kcClaims).sort());
      expect(Object.keys(headerOf(String(dev.body.access_token))).sort()).toEqual(
        Object.keys(headerOf(kc.access_token)).sort(),
      );
      for (const claims of [devClaims, kcClaims]) {
        expect(claims.typ).toBe('Bearer');
        expect(claims.aud).toContain('velosi-api');
        expect(claims.azp).toBe('velosi_auth');
        expect(claims.preferred_username).toBe(username);
        expect((claims.realm_access as { roles: string[] }).roles).toContain(role);
      }
      const roles = (c: Record<string, unknown>) => [...(c.realm_access as { roles: string[] }).roles].sort();
      expect(roles(devClaims)).toEqual(roles(kcClaims));
      // Role lists are sets: Keycloak's order is not meaningful, so compare them sorted.
      const clientRoles = (c: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(c.resource_access as Record<string, { roles: string[] }>).map(([client, v]) => [
            client,
            [...v.roles].sort(),
          ]),
        );
      expect(clientRoles(devClaims)).toEqual(clientRoles(kcClaims));
      expect(Object.keys(claimsOf(String(dev.body.id_token))).sort()).toEqual(
        Object.keys(claimsOf(kc.id_token)).sort(),
      );
    });
  }
});
