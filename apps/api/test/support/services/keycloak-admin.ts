import type { IdentityTarget } from '../identity.js';

/** Deletes users straight through the IdP's Admin REST API (test clean-up; the API has no delete). */
export async function deleteKeycloakUsers(identity: IdentityTarget, ids: string[]): Promise<void> {
  const secret = identity.env.OIDC_AUTH_CLIENT_SECRET ?? '';
  const tokenRes = await fetch(`${identity.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`velosi_auth:${secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const admin = identity.issuer.replace(/\/realms\/([^/]+)$/, '/admin/realms/$1');
  for (const id of ids) {
    await fetch(`${admin}/users/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${access_token}` },
    });
  }
}
