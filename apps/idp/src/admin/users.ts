import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpDeps } from '../context.js';
import { HttpError, readJson, sendEmpty, sendJson } from '../http/io.js';
import { passwordViolation } from '../users/password-policy.js';
import { DuplicateUserError, type StoredUser } from '../users/store.js';
import { CAN, JSON_OK, requireRole } from './auth.js';
import { userRepresentation } from './representations.js';
import { parseBody, UserBodySchema, validateUserFields } from './user-body.js';

const flag = (value: string | null): boolean | undefined => (value === null ? undefined : value === 'true');

/**
 * Keycloak's search (observed on 26.7): `search` alone ("*" = all, "\"x\"" = exact, "*x" wildcards,
 * default prefix, each word must match) over username, e-mail, first and last name; otherwise
 * username/email/firstName/lastName are infix matches (exact with exact=true), combined with AND.
 * Service accounts never show.
 */
function matches(user: StoredUser, query: URLSearchParams): boolean {
  if (user.serviceAccountClientId) return false;
  const enabled = flag(query.get('enabled'));
  const emailVerified = flag(query.get('emailVerified'));
  if (enabled !== undefined && user.enabled !== enabled) return false;
  if (emailVerified !== undefined && user.emailVerified !== emailVerified) return false;
  const fields = [user.username, user.email, user.firstName, user.lastName].map((value) =>
    (value ?? '').toLowerCase(),
  );
  const search = query.get('search')?.trim().toLowerCase();
  if (search) {
    if (search === '*') return true;
    if (search.length > 1 && search.startsWith('"') && search.endsWith('"')) {
      const exact = search.slice(1, -1);
      return fields.some((value) => value === exact);
    }
    // Every whitespace-separated term must match some field; a trailing wildcard is implied, so
    // "comm" is a prefix and "*mercial" an infix search.
    return search.split(/\s+/).every((term) => {
      const pattern = term.endsWith('*') ? term : `${term}*`;
      const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      return fields.some((value) => regex.test(value));
    });
  }
  const exact = query.get('exact') === 'true';
  const criteria: Array<[string | null, string]> = [
    [query.get('username'), fields[0]!],
    [query.get('email'), fields[1]!],
    [query.get('firstName'), fields[2]!],
    [query.get('lastName'), fields[3]!],
  ];
  return criteria.every(([wanted, actual]) => {
    if (wanted === null || wanted === '') return true;
    const needle = wanted.toLowerCase();
    return exact ? actual === needle : actual.includes(needle);
  });
}

function filtered(deps: IdpDeps, query: URLSearchParams): StoredUser[] {
  return deps.users
    .list()
    .filter((user) => matches(user, query))
    .sort((a, b) => a.username.localeCompare(b.username));
}

export async function listUsers(
  deps: IdpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
) {
  await requireRole(deps, req, CAN.queryUsers);
  const first = Math.max(0, Number(query.get('first') ?? 0) || 0);
  const max = query.has('max') ? Math.max(0, Number(query.get('max')) || 0) : 100;
  const view = query.get('briefRepresentation') === 'true' ? 'brief' : 'list';
  const page = filtered(deps, query).slice(first, first + max);
  sendJson(
    res,
    200,
    page.map((user) => userRepresentation(user, view)),
    JSON_OK,
  );
}

export async function countUsers(
  deps: IdpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
) {
  await requireRole(deps, req, CAN.queryUsers);
  sendJson(res, 200, filtered(deps, query).length, JSON_OK);
}

export function userOr404(deps: IdpDeps, id: string): StoredUser {
  const user = deps.users.get(id);
  if (!user) throw new HttpError(404, { error: 'User not found' });
  return user;
}

/** What a route on one user (`/users/{id}/…`) works with once the caller may and the user exists. */
export interface UserRoute {
  deps: IdpDeps;
  req: IncomingMessage;
  res: ServerResponse;
  id: string;
  user: StoredUser;
}

/** The caller's roles first (401/403), then the user (404), in Keycloak's order. */
export async function authorisedUser(
  deps: IdpDeps,
  req: IncomingMessage,
  anyOf: readonly string[],
  id: string,
): Promise<StoredUser> {
  await requireRole(deps, req, anyOf);
  return userOr404(deps, id);
}

/** An admin route on one user, for callers holding one of `anyOf`. */
export function forUser(anyOf: readonly string[], handle: (route: UserRoute) => Promise<void> | void) {
  return async (deps: IdpDeps, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    const user = await authorisedUser(deps, req, anyOf, id);
    await handle({ deps, req, res, id, user });
  };
}

export function rethrowDuplicate(error: unknown): never {
  if (error instanceof DuplicateUserError) throw new HttpError(409, { errorMessage: error.message });
  throw error;
}

export const getUser = forUser(CAN.viewUsers, ({ res, user }) =>
  sendJson(res, 200, userRepresentation(user, 'single'), JSON_OK),
);

export async function createUser(deps: IdpDeps, req: IncomingMessage, res: ServerResponse, location: string) {
  await requireRole(deps, req, CAN.manageUsers);
  const body = parseBody(UserBodySchema, await readJson(req));
  if (!body.username?.trim()) throw new HttpError(400, { errorMessage: 'User name is missing' });
  validateUserFields(body);
  const username = body.username.trim().toLowerCase();
  const password = body.credentials?.find((credential) => (credential.type ?? 'password') === 'password');
  if (password?.value !== undefined) {
    // Checked before creating: Keycloak rolls the new user back when its password is refused.
    const violation = await passwordViolation(deps.realm.passwordPolicy, password.value, {
      username,
      email: body.email,
    });
    if (violation) throw new HttpError(400, { error: violation.key, error_description: violation.message });
  }
  let user: StoredUser;
  try {
    user = await deps.users.create({
      username,
      email: body.email || undefined,
      firstName: body.firstName,
      lastName: body.lastName,
      enabled: body.enabled ?? false,
      emailVerified: body.emailVerified ?? false,
      realmRoles: [deps.realm.roles.defaultRoleName],
      clientRoles: {},
      requiredActions: body.requiredActions ?? [],
      attributes: body.attributes ?? {},
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
  if (password?.value !== undefined)
    await deps.users.setPassword(user.id, password.value, password.temporary ?? false);
  sendEmpty(res, 201, { location: `${location}/${user.id}` });
}

export const updateUser = forUser(CAN.manageUsers, async ({ deps, req, res, id, user: current }) => {
  const body = parseBody(UserBodySchema, await readJson(req));
  validateUserFields(body);
  const username = body.username?.trim().toLowerCase();
  if (username !== undefined && username !== current.username && !deps.realm.editUsernameAllowed) {
    throw new HttpError(400, {
      field: 'username',
      errorMessage: 'error-user-attribute-read-only',
      params: ['username'],
    });
  }
  const password = body.credentials?.find((credential) => (credential.type ?? 'password') === 'password');
  if (password?.value) {
    // Checked before anything changes, like the create: a refused password leaves the user as is.
    const violation = await passwordViolation(deps.realm.passwordPolicy, password.value, {
      ...current,
      username: username ?? current.username,
      email: body.email ?? current.email,
    });
    if (violation) throw new HttpError(400, { error: violation.key, error_description: violation.message });
  }
  try {
    await deps.users.update(id, {
      ...(username !== undefined ? { username } : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.firstName !== undefined ? { firstName: body.firstName } : {}),
      ...(body.lastName !== undefined ? { lastName: body.lastName } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      ...(body.emailVerified !== undefined ? { emailVerified: body.emailVerified } : {}),
      ...(body.requiredActions !== undefined ? { requiredActions: body.requiredActions } : {}),
      ...(body.attributes !== undefined ? { attributes: body.attributes } : {}),
    });
  } catch (error) {
    rethrowDuplicate(error);
  }
  // Re-enabling a user clears its brute-force record, as Keycloak does.
  if (body.enabled === true && deps.users.loginFailures.delete(id)) await deps.users.persist();
  if (password?.value) await deps.users.setPassword(id, password.value, password.temporary ?? false);
  sendEmpty(res, 204);
});

export const deleteUser = forUser(CAN.manageUsers, async ({ deps, res, id }) => {
  await deps.sessions.endAllForUser(id);
  await deps.users.delete(id);
  sendEmpty(res, 204);
});
