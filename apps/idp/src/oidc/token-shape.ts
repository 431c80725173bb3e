import { randomUUID } from 'node:crypto';
import type { AccessToken, ClientCredentials, JWTStructured, KoaContextWithOIDC } from 'oidc-provider';
import { findClient, type Realm } from '../realm/load.js';
import type { StoredUser, UserStore } from '../users/store.js';
import { audience, keycloakScope, profileClaims, roleClaims } from './claims.js';
import type { UserSessions } from './user-sessions.js';

export interface TokenShapeDeps {
  realm: Realm;
  users: UserStore;
  sessions: UserSessions;
}

const epoch = (): number => Math.floor(Date.now() / 1000);

function isClientCredentials(token: AccessToken | ClientCredentials): token is ClientCredentials {
  return token.kind === 'ClientCredentials';
}

/** Keycloak 26 prefixes access token ids with the way they were obtained (opaque to clients). */
function jtiPrefix(token: AccessToken | ClientCredentials): string {
  if (isClientCredentials(token)) return 'trrtcc';
  const gty = token.gty ?? '';
  if (gty.endsWith('refresh_token')) return 'onrtrt';
  return gty.startsWith('password') ? 'onrtro' : 'onrtac';
}

/**
 * Rewrites oidc-provider's JWT access token into Keycloak's (claims and key order as in
 * Keycloak 26.7's, compared live by test/keycloak-parity.test.ts; header typ "JWT"). It also records user-session
 * activity (sid, last access, grant) on every issuance, which the Admin API's session listing and
 * logout rely on.
 */
export function createJwtCustomizer(deps: TokenShapeDeps) {
  return async (
    ctx: KoaContextWithOIDC,
    token: AccessToken | ClientCredentials,
    parts: JWTStructured,
  ): Promise<void> => {
    const { realm, users, sessions } = deps;
    const original = parts.payload;
    const clientId = token.clientId;
    if (!clientId) throw new Error('access token without client');
    const client = findClient(realm, clientId);
    let user: StoredUser | undefined;
    let authTime: number | undefined;
    let sid: string | undefined;

    if (isClientCredentials(token)) {
      user = users.findServiceAccount(clientId);
    } else {
      user = users.get(token.accountId);
      if (user && token.sessionUid) {
        const { AuthorizationCode: code, RefreshToken: refresh } = ctx.oidc.entities;
        const browser = token.gty?.startsWith('authorization_code') ?? false;
        const session = await sessions.touch({
          id: token.sessionUid,
          userId: user.id,
          username: user.username,
          ipAddress: ctx.ip,
          authTime: code?.authTime ?? refresh?.authTime ?? epoch(),
          clientId,
          grantId: token.grantId,
          browser,
        });
        // Keycloak puts auth_time in tokens of browser logins only, not in password-grant ones.
        authTime = session.browser ? session.authTime : undefined;
        sid = token.sid ?? token.sessionUid;
      }
    }
    if (!user) throw new Error(`no user behind access token for client ${clientId}`);

    const roles = roleClaims(realm, user);
    const aud = audience(realm, clientId, roles);
    // Keycloak lists web origins only for browser clients that declare some (velosi_web).
    const origins = !isClientCredentials(token) ? (client?.webOrigins ?? []) : [];
    parts.header = { ...parts.header, typ: 'JWT' };
    parts.payload = {
      exp: original.exp,
      iat: original.iat,
      ...(authTime !== undefined ? { auth_time: authTime } : {}),
      jti: `${jtiPrefix(token)}:${randomUUID()}`,
      iss: original.iss,
      // oidc-provider refuses a JWT access token without audience: keep its resource audience then.
      aud: aud ?? original.aud,
      sub: user.id,
      typ: 'Bearer',
      azp: clientId,
      ...(sid ? { sid } : {}),
      acr: '1',
      ...(origins.length > 0 ? { 'allowed-origins': origins } : {}),
      ...roles,
      scope: keycloakScope((token.scope ?? '').split(' ')),
      ...profileClaims(user),
    };
  };
}
