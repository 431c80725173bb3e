import { findClient, type Realm } from '../realm/load.js';
import type { StoredUser } from '../users/store.js';

/** Scopes Keycloak knows by default; the ones marked in-token appear in the `scope` claim. */
export const SUPPORTED_SCOPES = [
  'openid',
  'profile',
  'email',
  'roles',
  'web-origins',
  'acr',
  'basic',
  'offline_access',
  'address',
  'phone',
  'microprofile-jwt',
  'organization',
];
/** Keycloak's default client scopes that show in `scope` (roles, web-origins, acr, basic do not). */
const DEFAULT_IN_TOKEN = ['profile', 'email'];
const OPTIONAL_IN_TOKEN = ['offline_access', 'address', 'phone', 'microprofile-jwt', 'organization'];

/** The `scope` claim/response value Keycloak would produce for the requested scopes. */
export function keycloakScope(requested: Iterable<string>): string {
  const wanted = new Set(requested);
  const result = [
    ...(wanted.has('openid') ? ['openid'] : []),
    ...DEFAULT_IN_TOKEN,
    ...OPTIONAL_IN_TOKEN.filter((scope) => wanted.has(scope)),
  ];
  return result.join(' ');
}

/** Profile and e-mail claims, as Keycloak's "profile"/"email" scope mappers emit them. */
export function profileClaims(user: StoredUser): Record<string, unknown> {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    email_verified: user.emailVerified,
    ...(name ? { name } : {}),
    preferred_username: user.username,
    ...(user.firstName ? { given_name: user.firstName } : {}),
    ...(user.lastName ? { family_name: user.lastName } : {}),
    ...(user.email ? { email: user.email } : {}),
  };
}

export interface RoleClaims {
  realm_access?: { roles: string[] };
  resource_access?: Record<string, { roles: string[] }>;
}

export function roleClaims(realm: Realm, user: StoredUser): RoleClaims {
  const roles = realm.roles.effective(user);
  const clients = Object.entries(roles.clients).filter(([, names]) => names.length > 0);
  return {
    ...(roles.realm.length > 0 ? { realm_access: { roles: roles.realm } } : {}),
    ...(clients.length > 0
      ? {
          resource_access: Object.fromEntries(
            clients.map(([clientId, names]) => [clientId, { roles: names }]),
          ),
        }
      : {}),
  };
}

/**
 * `aud` as Keycloak builds it: the client's audience mappers (velosi-api) first, then every client
 * the user holds roles of (audience resolve mapper) except the requesting client itself. A single
 * audience is a string, several an array.
 */
export function audience(realm: Realm, clientId: string, roles: RoleClaims): string | string[] | undefined {
  const fromRoles = Object.keys(roles.resource_access ?? {}).filter((id) => id !== clientId);
  const fromMappers = findClient(realm, clientId)?.audiences ?? [];
  const all = [...new Set([...fromMappers, ...fromRoles])];
  if (all.length === 0) return undefined;
  return all.length === 1 ? all[0] : all;
}
