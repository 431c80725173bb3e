import type { IncomingMessage } from 'node:http';
import type { IdpDeps } from '../context.js';
import { HttpError, readJson, sendEmpty, sendJson } from '../http/io.js';
import type { RoleDefinition } from '../realm/roles.js';
import { passwordViolation } from '../users/password-policy.js';
import { CAN, JSON_OK } from './auth.js';
import { roleRepresentation, sessionRepresentation } from './representations.js';
import { CredentialBodySchema, parseBody, RoleListSchema } from './user-body.js';
import { forUser } from './users.js';

export const resetPassword = forUser(CAN.manageUsers, async ({ deps, req, res, id, user }) => {
  const body = parseBody(CredentialBodySchema, await readJson(req));
  if (!body.value) throw new HttpError(400, { error: 'No password provided' });
  const violation = await passwordViolation(deps.realm.passwordPolicy, body.value, user);
  if (violation) throw new HttpError(400, { error: violation.key, error_description: violation.message });
  await deps.users.setPassword(id, body.value, body.temporary ?? false);
  sendEmpty(res, 204);
});

/** Keycloak resolves each role by name and insists that the id matches too ("Role not found"). */
async function requestedRoles(deps: IdpDeps, req: IncomingMessage): Promise<RoleDefinition[]> {
  const body = parseBody(RoleListSchema, (await readJson(req)) ?? []);
  return body.map((rep) => {
    const role = rep.name ? deps.realm.roles.find({ name: rep.name }) : undefined;
    if (!role || role.id !== rep.id) throw new HttpError(404, { error: 'Role not found' });
    return role;
  });
}

/** The realm roles of these names, as Keycloak represents them (unknown names are skipped). */
function realmRoleRepresentations(deps: IdpDeps, realmRoles: readonly string[]) {
  return realmRoles
    .flatMap((name) => deps.realm.roles.find({ name }) ?? [])
    .map((role) => roleRepresentation(deps, role));
}

export const getRealmRoleMappings = forUser(CAN.viewUsers, ({ deps, res, user }) =>
  sendJson(res, 200, realmRoleRepresentations(deps, user.realmRoles), JSON_OK),
);

export const getEffectiveRealmRoles = forUser(CAN.viewUsers, ({ deps, res, user }) =>
  sendJson(res, 200, realmRoleRepresentations(deps, deps.realm.roles.effective(user).realm), JSON_OK),
);

export const getAllRoleMappings = forUser(CAN.viewUsers, ({ deps, res, user }) => {
  const clientMappings = Object.fromEntries(
    Object.entries(user.clientRoles)
      .filter(([, names]) => names.length > 0)
      .map(([clientId, names]) => [
        clientId,
        {
          client: clientId,
          mappings: names
            .flatMap((name) => deps.realm.roles.find({ clientId, name }) ?? [])
            .map((role) => roleRepresentation(deps, role)),
        },
      ]),
  );
  sendJson(
    res,
    200,
    {
      realmMappings: realmRoleRepresentations(deps, user.realmRoles),
      ...(Object.keys(clientMappings).length > 0 ? { clientMappings } : {}),
    },
    JSON_OK,
  );
});

export const addRealmRoleMappings = forUser(CAN.manageUsers, async ({ deps, req, res, id, user }) => {
  const roles = await requestedRoles(deps, req);
  await deps.users.setRoleMappings(id, [...user.realmRoles, ...roles.map((role) => role.name)]);
  sendEmpty(res, 204);
});

export const removeRealmRoleMappings = forUser(CAN.manageUsers, async ({ deps, req, res, id, user }) => {
  const removed = new Set((await requestedRoles(deps, req)).map((role) => role.name));
  await deps.users.setRoleMappings(
    id,
    user.realmRoles.filter((name) => !removed.has(name)),
  );
  sendEmpty(res, 204);
});

export const listSessions = forUser(CAN.viewUsers, ({ deps, res, id }) =>
  sendJson(
    res,
    200,
    deps.sessions.forUser(id).map((session) => sessionRepresentation(deps, session)),
    JSON_OK,
  ),
);

export const logoutUser = forUser(CAN.manageUsers, async ({ deps, res, id }) => {
  await deps.sessions.endAllForUser(id);
  sendEmpty(res, 204);
});
