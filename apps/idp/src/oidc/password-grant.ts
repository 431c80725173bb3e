import { randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { TokenEndpointGrantContext } from 'oidc-provider';
import type { IdpDeps } from '../context.js';
import { findClient } from '../realm/load.js';
import { authenticate } from '../users/authenticate.js';
import { keycloakScope, SUPPORTED_SCOPES } from './claims.js';
import { signIdToken } from './id-token.js';
import { resourceServerInfo } from './resource.js';

type PasswordParams = { username?: string; password?: string };

const epoch = (): number => Math.floor(Date.now() / 1000);

function fail(
  ctx: TokenEndpointGrantContext<PasswordParams>,
  status: number,
  error: string,
  description: string,
): void {
  ctx.status = status;
  ctx.body = { error, error_description: description };
}

/**
 * Resource Owner Password Credentials, which oidc-provider deliberately lacks. Only clients with
 * directAccessGrantsEnabled get "password" in their grant_types, so oidc-provider already answers
 * unauthorized_client for the others. Errors and the token response follow Keycloak 26.7: 400
 * invalid_grant "Invalid user credentials" for bad credentials (also while the user is locked by
 * brute-force detection), "Account disabled", "Account is not fully set up". A successful login
 * opens a user session (sid) that the Admin API can list and end.
 */
export function registerPasswordGrant(provider: Provider, deps: IdpDeps, resource: string): void {
  const { realm, users, protector, sessions } = deps;

  async function handler(ctx: TokenEndpointGrantContext<PasswordParams>): Promise<void> {
    const { client, params } = ctx.oidc;
    if (!findClient(realm, client.clientId)?.directAccessGrants) {
      return fail(ctx, 400, 'unauthorized_client', 'Client not allowed for direct access grants');
    }
    const result = await authenticate(
      realm,
      users,
      protector,
      params.username ?? '',
      params.password ?? '',
      ctx.ip,
    );
    if (!result.ok) {
      if (result.reason === 'disabled') return fail(ctx, 400, 'invalid_grant', 'Account disabled');
      if (result.reason === 'update_password')
        return fail(ctx, 400, 'invalid_grant', 'Account is not fully set up');
      return fail(ctx, 400, 'invalid_grant', 'Invalid user credentials');
    }
    const { user } = result;
    const requested = (params.scope ?? '').split(' ').filter((scope) => SUPPORTED_SCOPES.includes(scope));
    const scope = [...new Set([...requested, 'profile', 'email'])].join(' ');
    const authTime = epoch();
    // Keycloak session ids are 24 base64url characters.
    const sessionId = randomBytes(18).toString('base64url');

    const grant = new provider.Grant({ clientId: client.clientId, accountId: user.id });
    grant.addOIDCScope(scope);
    grant.addResourceScope(resource, scope);
    const grantId = await grant.save();

    await sessions.touch({
      id: sessionId,
      userId: user.id,
      username: user.username,
      ipAddress: ctx.ip,
      authTime,
      clientId: client.clientId,
      grantId,
      browser: false,
    });

    const resourceServer = new provider.ResourceServer(resource, resourceServerInfo(realm, client.clientId));
    const accessToken = new provider.AccessToken({
      accountId: user.id,
      client,
      grantId,
      gty: 'password',
      scope,
      sid: sessionId,
      sessionUid: sessionId,
      expiresWithSession: false,
      resourceServer,
    });
    const accessTokenValue = await accessToken.save();

    const refreshToken = new provider.RefreshToken({
      accountId: user.id,
      acr: '1',
      amr: ['pwd'],
      authTime,
      client,
      grantId,
      gty: 'password',
      resource,
      rotations: 0,
      scope,
      sessionUid: sessionId,
      sid: sessionId,
      expiresWithSession: false,
    });
    const refreshTokenValue = await refreshToken.save();

    const idToken = requested.includes('openid')
      ? await signIdToken(deps, {
          user,
          clientId: client.clientId,
          accessToken: accessTokenValue,
          sid: sessionId,
        })
      : undefined;

    ctx.body = {
      access_token: accessTokenValue,
      expires_in: realm.accessTokenLifespan,
      refresh_expires_in: refreshToken.remainingTTL,
      refresh_token: refreshTokenValue,
      token_type: 'Bearer',
      ...(idToken ? { id_token: idToken } : {}),
      'not-before-policy': 0,
      session_state: sessionId,
      scope: keycloakScope(scope.split(' ')),
    };
  }

  provider.registerGrantType('password', handler, ['username', 'password', 'scope']);
}
