import type { IncomingMessage } from 'node:http';
import type { IdpDeps } from '../context.js';
import { bearerToken, HttpError } from '../http/io.js';
import { verifyAccessToken } from '../oidc/verify.js';

/**
 * Admin REST authorisation as Keycloak does it for a realm's own admin: a valid bearer token from
 * this realm, then the caller's *current* realm-management roles (not the token's copy), so a
 * disabled caller or a removed role takes effect immediately. 401 without a valid token, 403
 * without one of the required roles (realm-admin grants everything through its composites).
 */
export async function requireRole(
  deps: IdpDeps,
  req: IncomingMessage,
  anyOf: readonly string[],
): Promise<void> {
  const claims = await verifyAccessToken(deps, bearerToken(req));
  const caller = claims ? deps.users.get(claims.sub) : undefined;
  if (!claims || !caller || !caller.enabled) throw new HttpError(401, { error: 'HTTP 401 Unauthorized' });
  const roles = deps.realm.roles.effective(caller).clients['realm-management'] ?? [];
  if (!anyOf.some((role) => roles.includes(role))) throw new HttpError(403, { error: 'HTTP 403 Forbidden' });
}

export const CAN = {
  queryUsers: ['query-users', 'view-users', 'manage-users'],
  viewUsers: ['view-users', 'manage-users'],
  manageUsers: ['manage-users'],
  viewRoles: ['view-realm', 'manage-realm', 'view-users', 'manage-users'],
  /** Keycloak's RealmPermissions.canViewRealm (what reading a realm role's members needs). */
  viewRealm: ['view-realm', 'manage-realm'],
} as const;

/** Keycloak answers successful Admin API JSON with this exact content type (errors: application/json). */
export const JSON_OK = { 'content-type': 'application/json;charset=UTF-8' };
