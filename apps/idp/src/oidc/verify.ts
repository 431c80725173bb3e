import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { IdpDeps } from '../context.js';
import { findClient, type RealmClient } from '../realm/load.js';

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  typ?: string;
  azp?: string;
  sid?: string;
  preferred_username?: string;
  scope?: string;
  resource_access?: Record<string, { roles: string[] }>;
}

/**
 * Verifies a JWT this IdP signed: RS256 only, issuer pinned, signature against our published keys
 * (old keys included after a rotation). `options` adds checks (or a clock tolerance).
 */
export function verifyOwnJwt(deps: IdpDeps, jwt: string, options: JWTVerifyOptions = {}) {
  return jwtVerify(jwt, createLocalJWKSet(deps.keys.publicJwks), {
    issuer: deps.issuer,
    algorithms: ['RS256'],
    ...options,
  });
}

/**
 * Verifies one of our own access tokens locally, the way a resource server would: RS256 only,
 * issuer pinned, signature against our published keys (old keys included after a rotation),
 * typ "Bearer". Returns undefined for anything else.
 */
export async function verifyAccessToken(
  deps: IdpDeps,
  token: string | undefined,
): Promise<AccessTokenClaims | undefined> {
  if (!token) return undefined;
  try {
    const { payload } = await verifyOwnJwt(deps, token);
    if (payload.typ !== 'Bearer' || typeof payload.sub !== 'string') return undefined;
    return payload as AccessTokenClaims;
  } catch {
    return undefined;
  }
}

/**
 * True while the user exists and is enabled and, for tokens with a sid, the session is still open
 * with the token's client attached (what Keycloak's userinfo and introspection check).
 */
export function tokenStillValid(deps: IdpDeps, claims: AccessTokenClaims): boolean {
  const user = deps.users.get(claims.sub);
  if (!user || !user.enabled) return false;
  return !claims.sid || deps.sessions.isActive(claims.sid, claims.azp ?? '');
}

function secretsEqual(expected: string | undefined, actual: string): boolean {
  if (expected === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * client_secret_basic or client_secret_post against the realm's clients; a public client may
 * identify itself with client_id alone when `allowPublic` (Keycloak's logout endpoint does that).
 */
export function authenticateClient(
  deps: IdpDeps,
  req: IncomingMessage,
  form: URLSearchParams,
  allowPublic: boolean,
): RealmClient | undefined {
  let clientId = form.get('client_id') ?? undefined;
  let secret = form.get('client_secret') ?? undefined;
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const index = decoded.indexOf(':');
    if (index < 0) return undefined;
    clientId = decodeURIComponent(decoded.slice(0, index).replace(/\+/g, ' '));
    secret = decodeURIComponent(decoded.slice(index + 1).replace(/\+/g, ' '));
  }
  const client = clientId ? findClient(deps.realm, clientId) : undefined;
  if (!client) return undefined;
  if (client.publicClient) return allowPublic ? client : undefined;
  return secret !== undefined && secretsEqual(client.secret, secret) ? client : undefined;
}
