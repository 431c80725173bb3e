import { decodeJwt } from 'jose';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { IdpDeps } from '../context.js';
import { keycloakScope } from './claims.js';
import { signIdToken } from './id-token.js';

interface TokenBody {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  [key: string]: unknown;
}

type Next = () => Promise<void>;

/**
 * Koa post-middleware giving token responses Keycloak's fields and order (refresh_expires_in,
 * not-before-policy, session_state = sid, Keycloak's `scope`) and Keycloak's ID token. Responses
 * that already carry them (our password grant) are left alone.
 */
export function keycloakTokenResponse(deps: IdpDeps) {
  return async (ctx: KoaContextWithOIDC, next: Next): Promise<void> => {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200) return;
    const body = ctx.body as TokenBody | undefined;
    if (!body?.access_token || 'not-before-policy' in body) return;
    const { RefreshToken: refresh, AccessToken: access, AuthorizationCode: code } = ctx.oidc.entities;
    const sid = access?.sid ?? access?.sessionUid;
    let idToken = body.id_token;
    const user = access ? deps.users.get(access.accountId) : undefined;
    if (idToken && user && access?.clientId) {
      const source = code ?? refresh;
      const browser = source?.gty?.startsWith('authorization_code') ?? code !== undefined;
      idToken = await signIdToken(deps, {
        user,
        clientId: access.clientId,
        accessToken: body.access_token,
        sid,
        authTime: browser ? source?.authTime : undefined,
        nonce: decodeJwt(idToken).nonce as string | undefined,
      });
    }
    ctx.body = {
      access_token: body.access_token,
      expires_in: body.expires_in,
      refresh_expires_in: body.refresh_token && refresh ? refresh.remainingTTL : 0,
      ...(body.refresh_token ? { refresh_token: body.refresh_token } : {}),
      token_type: 'Bearer',
      ...(idToken ? { id_token: idToken } : {}),
      'not-before-policy': 0,
      ...(sid ? { session_state: sid } : {}),
      scope: keycloakScope((body.scope ?? '').split(' ')),
    };
  };
}

/** Keycloak adds session_state (the sid) to the authorization response, next to code and iss. */
export async function keycloakAuthorizationResponse(ctx: KoaContextWithOIDC, next: Next): Promise<void> {
  await next();
  const route = ctx.oidc?.route;
  if ((route !== 'authorization' && route !== 'resume') || (ctx.status !== 302 && ctx.status !== 303)) return;
  const location = URL.parse(ctx.response.get('location'));
  const sid = ctx.oidc.session?.uid;
  if (!location || !sid || !location.searchParams.has('code')) return;
  location.searchParams.set('session_state', sid);
  ctx.set('location', location.href);
}

interface GrantError {
  error?: string;
  error_description?: string;
  error_detail?: string;
}

const REFRESH_DETAILS: Record<string, string> = {
  'refresh token already used': 'Maximum allowed refresh token reuse exceeded',
  'refresh token not found': 'Session not active',
  'grant not found': 'Session not active',
  'refresh token is expired': 'Token is not active',
  'grant is expired': 'Token is not active',
  'client mismatch': "Invalid refresh token. Token client and authorized client don't match",
  'authorization code not found': 'Code not valid',
  'authorization code already consumed': 'Code not valid',
  'authorization code is expired': 'Code not valid',
  'authorization code redirect_uri mismatch': 'Incorrect redirect_uri',
  'code_verifier must be provided': 'PKCE code verifier not specified',
  'code_verifier does not match code_challenge': 'PKCE verification failed: Invalid code verifier',
};

/**
 * Rewrites oidc-provider's token endpoint errors into Keycloak's (status, error,
 * error_description as observed on Keycloak 26.7; scripts/keycloak/smoke.mjs checks them live).
 * Runs from the "grant.error" event, right after oidc-provider set the error body.
 */
export function keycloakGrantError(deps: IdpDeps) {
  return (ctx: KoaContextWithOIDC, error: GrantError): void => {
    const params = (ctx.oidc?.params ?? {}) as { grant_type?: string; refresh_token?: string };
    const set = (status: number, code: string, description: string) => {
      ctx.status = status;
      ctx.body = { error: code, error_description: description };
    };
    if (error.error === 'invalid_client') {
      return set(401, 'unauthorized_client', 'Invalid client or Invalid client credentials');
    }
    // oidc-provider says invalid_request/unauthorized_client when the client lacks the grant type.
    const grantNotAllowed =
      error.error === 'unauthorized_client' ||
      error.error_description === 'requested grant type is not allowed for this client';
    if (grantNotAllowed && params.grant_type === 'password') {
      return set(400, 'unauthorized_client', 'Client not allowed for direct access grants');
    }
    if (grantNotAllowed && params.grant_type === 'client_credentials') {
      return ctx.oidc.client?.clientAuthMethod === 'none'
        ? set(401, 'unauthorized_client', 'Public client not allowed to retrieve service account')
        : set(400, 'unauthorized_client', 'Client not enabled to retrieve service account');
    }
    if (error.error !== 'invalid_grant') return;
    const detail = error.error_detail ?? '';
    if (detail.endsWith('invalid (referenced account not found)')) {
      const accountId =
        ctx.oidc.entities.RefreshToken?.accountId ?? ctx.oidc.entities.AuthorizationCode?.accountId;
      const user = accountId ? deps.users.get(accountId) : undefined;
      return set(400, 'invalid_grant', user ? 'User disabled' : 'Invalid refresh token. User not found');
    }
    const description = REFRESH_DETAILS[detail];
    if (description) set(400, 'invalid_grant', description);
  };
}
