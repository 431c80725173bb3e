import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { IdpDeps } from '../context.js';
import { bearerToken, readForm, sendEmpty, sendJson } from '../http/io.js';
import { profileClaims } from './claims.js';
import { authenticateClient, tokenStillValid, verifyAccessToken } from './verify.js';

/** CORS for browser calls to userinfo: the origins the realm's clients list in webOrigins. */
function corsHeaders(deps: IdpDeps, req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  const allowed = deps.realm.clients.some(
    (client) => client.webOrigins.includes(origin) || client.webOrigins.includes('*'),
  );
  return allowed
    ? {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-headers': 'Authorization, Content-Type',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        vary: 'Origin',
      }
    : {};
}

/** Keycloak's userinfo: profile claims of a valid access token whose session is still open. */
export async function userinfo(deps: IdpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const cors = corsHeaders(deps, req);
  if (req.method === 'OPTIONS') return sendEmpty(res, 204, cors);
  const claims = await verifyAccessToken(deps, bearerToken(req));
  const user = claims && tokenStillValid(deps, claims) ? deps.users.get(claims.sub) : undefined;
  if (!claims || !user) {
    // Keycloak's exact texts: a valid token whose session ended is "user_session_not_found".
    const description = claims ? 'user_session_not_found' : 'Token verification failed';
    return sendJson(
      res,
      401,
      { error: 'invalid_token', error_description: description },
      {
        ...cors,
        'www-authenticate': `Bearer realm="${deps.realm.name}", error="invalid_token", error_description="${description}"`,
      },
    );
  }
  return sendJson(res, 200, { sub: user.id, ...profileClaims(user) }, cors);
}

/**
 * RFC 7662 introspection as Keycloak 26.7 answers it: confidential callers only, and an access
 * token is active only if the caller is in its audience (else `{"active":false}`).
 */
export async function introspect(
  deps: IdpDeps,
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const form = await readForm(req);
  const client = authenticateClient(deps, req, form, false);
  if (!client)
    return sendJson(res, 401, { error: 'invalid_client', error_description: 'Authentication failed.' });
  const token = form.get('token') ?? '';
  const claims = await verifyAccessToken(deps, token);
  const audiences = claims ? [claims.aud ?? []].flat() : [];
  if (claims && tokenStillValid(deps, claims) && audiences.includes(client.clientId)) {
    return sendJson(res, 200, {
      ...claims,
      client_id: claims.azp,
      username: claims.preferred_username,
      token_type: 'Bearer',
      active: true,
    });
  }
  const refresh = claims ? undefined : await provider.RefreshToken.find(token);
  const owner = refresh ? deps.users.get(refresh.accountId) : undefined;
  const live =
    refresh && (!refresh.sessionUid || deps.sessions.isActive(refresh.sessionUid, refresh.clientId ?? ''));
  if (refresh && owner?.enabled && live && refresh.clientId === client.clientId) {
    return sendJson(res, 200, {
      exp: refresh.exp,
      iat: refresh.iat,
      jti: refresh.jti,
      iss: deps.issuer,
      aud: deps.issuer,
      sub: owner.id,
      typ: 'Refresh',
      azp: refresh.clientId,
      sid: refresh.sid,
      scope: refresh.scope,
      client_id: refresh.clientId,
      username: owner.username,
      token_type: 'Refresh',
      active: true,
    });
  }
  return sendJson(res, 200, { active: false });
}

/**
 * Keycloak's back-channel logout: POST /logout with client credentials and a refresh_token ends
 * that user session (204). Returns false when the request is not of that kind (no refresh_token),
 * so the caller hands it to oidc-provider's RP-initiated logout with the body already read.
 */
export async function backchannelLogout(
  deps: IdpDeps,
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  form: URLSearchParams,
): Promise<boolean> {
  const value = form.get('refresh_token');
  if (!value) return false;
  const client = authenticateClient(deps, req, form, true);
  if (!client) {
    sendJson(res, 401, {
      error: 'unauthorized_client',
      error_description: 'Invalid client or Invalid client credentials',
    });
    return true;
  }
  const refresh = await provider.RefreshToken.find(value);
  if (!refresh || refresh.clientId !== client.clientId) {
    sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
    return true;
  }
  if (refresh.sessionUid) await deps.sessions.end(refresh.sessionUid);
  else await refresh.destroy();
  sendEmpty(res, 204);
  return true;
}
