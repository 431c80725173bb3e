import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpDeps } from '../context.js';
import { HttpError, sendJson } from '../http/io.js';
import { getRole, getRoleUsers, listRoles } from './roles.js';
import {
  addRealmRoleMappings,
  getAllRoleMappings,
  getEffectiveRealmRoles,
  getRealmRoleMappings,
  listSessions,
  logoutUser,
  removeRealmRoleMappings,
  resetPassword,
} from './user-actions.js';
import { countUsers, createUser, deleteUser, getUser, listUsers, updateUser } from './users.js';

type Handler = (params: string[], query: URLSearchParams) => Promise<void>;

/** The subset of Keycloak's Admin REST API under /admin/realms/<realm>/… that Velosi uses. */
export function createAdminHandler(deps: IdpDeps, publicBase: string) {
  const prefix = `/admin/realms/${deps.realm.name}`;

  return async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(prefix.length) || '/';
    const usersUrl = `${publicBase}${prefix}/users`;
    const routes: Array<[string, RegExp, Handler]> = [
      ['GET', /^\/users\/?$/, (_p, q) => listUsers(deps, req, res, q)],
      ['POST', /^\/users\/?$/, () => createUser(deps, req, res, usersUrl)],
      ['GET', /^\/users\/count\/?$/, (_p, q) => countUsers(deps, req, res, q)],
      ['GET', /^\/users\/([^/]+)\/?$/, ([id]) => getUser(deps, req, res, id!)],
      ['PUT', /^\/users\/([^/]+)\/?$/, ([id]) => updateUser(deps, req, res, id!)],
      ['DELETE', /^\/users\/([^/]+)\/?$/, ([id]) => deleteUser(deps, req, res, id!)],
      ['PUT', /^\/users\/([^/]+)\/reset-password\/?$/, ([id]) => resetPassword(deps, req, res, id!)],
      ['GET', /^\/users\/([^/]+)\/role-mappings\/?$/, ([id]) => getAllRoleMappings(deps, req, res, id!)],
      [
        'GET',
        /^\/users\/([^/]+)\/role-mappings\/realm\/?$/,
        ([id]) => getRealmRoleMappings(deps, req, res, id!),
      ],
      [
        'GET',
        /^\/users\/([^/]+)\/role-mappings\/realm\/composite\/?$/,
        ([id]) => getEffectiveRealmRoles(deps, req, res, id!),
      ],
      [
        'POST',
        /^\/users\/([^/]+)\/role-mappings\/realm\/?$/,
        ([id]) => addRealmRoleMappings(deps, req, res, id!),
      ],
      [
        'DELETE',
        /^\/users\/([^/]+)\/role-mappings\/realm\/?$/,
        ([id]) => removeRealmRoleMappings(deps, req, res, id!),
      ],
      ['GET', /^\/users\/([^/]+)\/sessions\/?$/, ([id]) => listSessions(deps, req, res, id!)],
      ['POST', /^\/users\/([^/]+)\/logout\/?$/, ([id]) => logoutUser(deps, req, res, id!)],
      ['GET', /^\/roles\/?$/, (_p, q) => listRoles(deps, req, res, q)],
      ['GET', /^\/roles\/([^/]+)\/?$/, ([name]) => getRole(deps, req, res, name!)],
      ['GET', /^\/roles\/([^/]+)\/users\/?$/, ([name], q) => getRoleUsers(deps, req, res, name!, q)],
    ];
    try {
      let pathMatched = false;
      for (const [method, pattern, handler] of routes) {
        const match = pattern.exec(path);
        if (!match) continue;
        pathMatched = true;
        if (method !== req.method) continue;
        return await handler(
          match.slice(1).map((part) => decodeURIComponent(part)),
          url.searchParams,
        );
      }
      if (pathMatched) return sendJson(res, 405, { error: 'HTTP 405 Method Not Allowed' });
      return sendJson(res, 404, { error: 'Unable to find matching target resource method' });
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, error.body);
      throw error;
    }
  };
}
