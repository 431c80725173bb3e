import type { IdpDeps } from '../context.js';
import type { UserSessionRecord } from '../oidc/user-sessions.js';
import { findClient } from '../realm/load.js';
import type { RoleDefinition } from '../realm/roles.js';
import type { StoredUser } from '../users/store.js';

/**
 * Keycloak's UserRepresentation, keys in Keycloak's order and absent when unset. `brief` drops what
 * `briefRepresentation=true` drops; `access` is the short form in lists, the full one on GET by id,
 * and absent where Keycloak maps users without its users resource (`withAccess: false`: the members
 * of a role).
 */
export function userRepresentation(
  user: StoredUser,
  view: 'list' | 'brief' | 'single',
  { withAccess = true }: { withAccess?: boolean } = {},
): Record<string, unknown> {
  return {
    id: user.id,
    username: user.username,
    ...(user.firstName !== undefined ? { firstName: user.firstName } : {}),
    ...(user.lastName !== undefined ? { lastName: user.lastName } : {}),
    ...(user.email !== undefined ? { email: user.email } : {}),
    emailVerified: user.emailVerified,
    ...(Object.keys(user.attributes).length > 0 && view !== 'brief' ? { attributes: user.attributes } : {}),
    enabled: user.enabled,
    createdTimestamp: user.createdTimestamp,
    ...(view === 'brief'
      ? {}
      : { totp: false, disableableCredentialTypes: [], requiredActions: user.requiredActions, notBefore: 0 }),
    ...(withAccess ? { access: accessOf(view) } : {}),
  };
}

function accessOf(view: 'list' | 'brief' | 'single'): Record<string, boolean> {
  return view === 'single'
    ? {
        manageGroupMembership: true,
        resetPassword: true,
        view: true,
        mapRoles: true,
        impersonate: false,
        manage: true,
      }
    : { manage: true };
}

/** Keycloak's RoleRepresentation (`attributes` only on the single-role GET). */
export function roleRepresentation(
  deps: IdpDeps,
  role: RoleDefinition,
  withAttributes = false,
): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    ...(role.description !== undefined ? { description: role.description } : {}),
    composite: role.composites.length > 0,
    clientRole: role.clientId !== undefined,
    containerId: role.clientId
      ? (findClient(deps.realm, role.clientId)?.uuid ?? role.clientId)
      : deps.realm.id,
    ...(withAttributes ? { attributes: {} } : {}),
  };
}

/** Keycloak's UserSessionRepresentation (times in epoch ms at second precision, like Keycloak). */
export function sessionRepresentation(deps: IdpDeps, session: UserSessionRecord): Record<string, unknown> {
  const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;
  return {
    id: session.id,
    username: session.username,
    userId: session.userId,
    ipAddress: session.ipAddress,
    start: seconds(session.start),
    lastAccess: seconds(session.lastAccess),
    rememberMe: false,
    clients: Object.fromEntries(
      deps.sessions
        .attachedClients(session)
        .map((clientId) => [findClient(deps.realm, clientId)?.uuid ?? clientId, clientId]),
    ),
    transientUser: false,
  };
}
