import Provider, {
  errors,
  type ClientMetadata,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { IdpDeps } from '../context.js';
import { providerPages } from '../login/provider-pages.js';
import { findClient, type RealmClient } from '../realm/load.js';
import { FileAdapter } from './adapter.js';
import { profileClaims, SUPPORTED_SCOPES } from './claims.js';
import { autoConsent } from './consent.js';
import { registerPasswordGrant } from './password-grant.js';
import {
  keycloakAuthorizationResponse,
  keycloakGrantError,
  keycloakTokenResponse,
} from './keycloak-compat.js';
import { createJwtCustomizer } from './token-shape.js';
import { allowRedirect } from './redirect-uris.js';
import { ACCESS_TOKEN_RESOURCE, resourceServerInfo } from './resource.js';

const PROTOCOL = '/protocol/openid-connect';

function clientMetadata(client: RealmClient): ClientMetadata {
  const grants = [
    ...(client.standardFlow ? ['authorization_code'] : []),
    ...(client.directAccessGrants ? ['password'] : []),
    ...(client.serviceAccounts && !client.publicClient ? ['client_credentials'] : []),
    ...(client.standardFlow || client.directAccessGrants ? ['refresh_token'] : []),
  ];
  const parseable = (uris: string[]) => uris.filter((uri) => URL.canParse(uri));
  return {
    client_id: client.clientId,
    client_name: client.name,
    ...(client.publicClient
      ? { token_endpoint_auth_method: 'none' }
      : { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.secret }),
    grant_types: grants,
    response_types: client.standardFlow ? ['code'] : [],
    redirect_uris: client.standardFlow ? parseable(client.redirectUris) : [],
    post_logout_redirect_uris: parseable(client.postLogoutRedirectUris),
  };
}

export function createProvider(deps: IdpDeps): Provider {
  const { realm, users, state, keys, issuer, realmPath } = deps;
  const pages = providerPages(realm);
  const configuration: Configuration = {
    adapter: (name: string) => new FileAdapter(state, name),
    clients: realm.clients.filter((client) => client.enabled).map(clientMetadata),
    jwks: keys.jwks,
    cookies: {
      keys: keys.cookieKeys,
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    routes: {
      authorization: `${PROTOCOL}/auth`,
      token: `${PROTOCOL}/token`,
      jwks: `${PROTOCOL}/certs`,
      userinfo: `${PROTOCOL}/userinfo`,
      end_session: `${PROTOCOL}/logout`,
      introspection: `${PROTOCOL}/token/introspect`,
      revocation: `${PROTOCOL}/revoke`,
      pushed_authorization_request: `${PROTOCOL}/ext/par/request`,
    },
    scopes: SUPPORTED_SCOPES,
    claims: {
      // typ and azp only ever come out for ID tokens (see findAccount).
      openid: ['sub', 'typ', 'azp'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
    },
    conformIdTokenClaims: false,
    // Code flow only (Keycloak's velosi_web has implicit off); "none" keeps prompt=none checks.
    responseTypes: ['code', 'none'],
    allowOmittingSingleRegisteredRedirectUri: false,
    features: {
      devInteractions: { enabled: false },
      // Served by our own routes: JWT access tokens are not stored, oidc-provider could not find them.
      userinfo: { enabled: false },
      introspection: { enabled: false },
      // A client may only revoke its own tokens (Keycloak answers 200 either way).
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId,
      },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: pages.logoutSource,
        postLogoutSuccessSource: pages.postLogoutSuccessSource,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => ACCESS_TOKEN_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource !== ACCESS_TOKEN_RESOURCE) throw new errors.InvalidTarget();
          return resourceServerInfo(realm, client.clientId);
        },
      },
    },
    discovery: {
      userinfo_endpoint: `${issuer}${PROTOCOL}/userinfo`,
      introspection_endpoint: `${issuer}${PROTOCOL}/token/introspect`,
      ui_locales_supported: realm.locales.supported,
    },
    pkce: {
      // S256 is the only method oidc-provider 9 accepts, which is what the realm asks for.
      required: (_ctx, client) =>
        client.clientAuthMethod === 'none' || Boolean(findClient(realm, client.clientId)?.pkceMethod),
    },
    ttl: {
      AccessToken: realm.accessTokenLifespan,
      ClientCredentials: realm.accessTokenLifespan,
      IdToken: realm.accessTokenLifespan,
      AuthorizationCode: realm.accessCodeLifespan,
      Interaction: realm.accessCodeLifespanLogin,
      Session: realm.ssoSessionMaxLifespan,
      Grant: realm.ssoSessionMaxLifespan,
      // Keycloak: a refresh token lives for the idle timeout, never past the session's max lifespan.
      RefreshToken: (_ctx, token) => {
        const sessionEnd = (token.iiat ?? Math.floor(Date.now() / 1000)) + realm.ssoSessionMaxLifespan;
        return Math.max(1, Math.min(realm.ssoSessionIdleTimeout, sessionEnd - Math.floor(Date.now() / 1000)));
      },
    },
    rotateRefreshToken: true,
    // Keycloak issues refresh tokens without asking for offline_access.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    loadExistingGrant: autoConsent(realm, ACCESS_TOKEN_RESOURCE),
    async findAccount(ctx: KoaContextWithOIDC, sub: string) {
      const user = users.get(sub);
      if (!user || !user.enabled) return undefined;
      return {
        accountId: user.id,
        claims: (use: string) => ({
          sub: user.id,
          ...(use === 'id_token' ? { typ: 'ID', azp: ctx.oidc.client?.clientId } : {}),
          ...profileClaims(user),
        }),
      };
    },
    interactions: {
      url: (_ctx, interaction) => `${realmPath}/login-actions/authenticate/${interaction.uid}`,
    },
    formats: { customizers: { jwt: createJwtCustomizer(deps) } },
    clientBasedCORS: (_ctx, origin, client) => {
      const origins = findClient(realm, client.clientId)?.webOrigins ?? [];
      return origins.includes('*') || origins.includes(origin);
    },
    renderError: pages.renderError,
  };

  const provider = new Provider(issuer, configuration);
  // Keycloak's sid is the user session id, the same for every client of that browser session.
  provider.Session.prototype.ensureClientContainer = function ensureClientContainer(clientId: string) {
    if (!this.sidFor(clientId)) this.sidFor(clientId, this.uid);
  };
  // Keycloak redirect URIs may end with a wildcard ("http://localhost:3000/*").
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri: string) {
    return allowRedirect(findClient(realm, this.clientId)?.redirectUris ?? [], uri);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(
    uri: string,
  ) {
    return allowRedirect(findClient(realm, this.clientId)?.postLogoutRedirectUris ?? [], uri);
  };
  registerPasswordGrant(provider, deps, ACCESS_TOKEN_RESOURCE);
  provider.use(keycloakTokenResponse(deps));
  provider.use(keycloakAuthorizationResponse);
  provider.on('grant.error', keycloakGrantError(deps));
  // URLs (discovery, redirects, cookies' secure flag) come from the public base URL, which the
  // server passes as X-Forwarded-* headers: a request to 127.0.0.1 must not leak another host.
  provider.proxy = true;
  return provider;
}
