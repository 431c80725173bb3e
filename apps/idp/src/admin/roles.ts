import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpDeps } from '../context.js';
import { HttpError, sendJson } from '../http/io.js';
import { CAN, JSON_OK, requireRole } from './auth.js';
import { roleRepresentation, userRepresentation } from './representations.js';

export async function listRoles(
  deps: IdpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
) {
  await requireRole(deps, req, CAN.viewRoles);
  const search = query.get('search')?.toLowerCase();
  const first = Math.max(0, Number(query.get('first') ?? 0) || 0);
  const max = query.has('max') ? Math.max(0, Number(query.get('max')) || 0) : Number.MAX_SAFE_INTEGER;
  const roles = deps.realm.roles
    .realmRoles()
    .filter((role) => !search || role.name.toLowerCase().includes(search))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(first, first + max);
  sendJson(
    res,
    200,
    roles.map((role) => roleRepresentation(deps, role, query.get('briefRepresentation') === 'false')),
    JSON_OK,
  );
}

function roleOr404(deps: IdpDeps, name: string) {
  const role = deps.realm.roles.find({ name });
  if (!role) throw new HttpError(404, { error: 'Could not find role' });
  return role;
}

export async function getRole(deps: IdpDeps, req: IncomingMessage, res: ServerResponse, name: string) {
  await requireRole(deps, req, CAN.viewRoles);
  sendJson(res, 200, roleRepresentation(deps, roleOr404(deps, name), true), JSON_OK);
}

/**
 * GET /roles/{name}/users: the users with a direct mapping of the role, disabled ones included,
 * by username, as Keycloak 26 answers it (RoleContainerResource.getUsersInRole): the caller needs
 * to view the realm's roles AND to query users; `first`/`max` are ignored when negative (max
 * defaults to 100); members are mapped without the users resource, so no `access` key.
 */
export async function getRoleUsers(
  deps: IdpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  query: URLSearchParams,
) {
  await requireRole(deps, req, CAN.viewRealm);
  await requireRole(deps, req, CAN.queryUsers);
  const role = roleOr404(deps, name);
  const first = nonNegative(query.get('first')) ?? 0;
  const max = query.has('max') ? nonNegative(query.get('max')) : 100;
  const view = query.get('briefRepresentation') === 'true' ? 'brief' : 'list';
  const users = deps.users
    .list()
    .filter((user) => user.realmRoles.includes(role.name))
    .sort((a, b) => a.username.localeCompare(b.username))
    .slice(first, max === undefined ? undefined : first + max);
  sendJson(
    res,
    200,
    users.map((user) => userRepresentation(user, view, { withAccess: false })),
    JSON_OK,
  );
}

/** A paging parameter: a non-negative integer, or undefined (absent, negative or not a number). */
function nonNegative(raw: string | null): number | undefined {
  const value = Number(raw ?? undefined);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}
