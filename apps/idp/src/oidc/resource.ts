import type { ResourceServer } from 'oidc-provider';
import { findClient, type Realm } from '../realm/load.js';
import { SUPPORTED_SCOPES } from './claims.js';

/**
 * Every access token is for one resource server: "Keycloak-style access tokens". Being the default
 * resource, tokens are JWTs even when the client sends no `resource` parameter; the real `aud`
 * (velosi-api, account…) is computed by the token customizer.
 */
export const ACCESS_TOKEN_RESOURCE = 'urn:velosi-idp:access-token';

export function resourceServerInfo(realm: Realm, clientId: string): ResourceServer {
  return {
    scope: SUPPORTED_SCOPES.join(' '),
    audience: findClient(realm, clientId)?.audiences[0] ?? 'account',
    accessTokenFormat: 'jwt',
    accessTokenTTL: realm.accessTokenLifespan,
    jwt: { sign: { alg: 'RS256' } },
  };
}
