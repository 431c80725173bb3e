import { EnvironmentProviders, isDevMode, makeEnvironmentProviders } from '@angular/core';
import {
  AbstractSecurityStorage,
  LogLevel,
  StsConfigLoader,
  StsConfigStaticLoader,
  provideAuth,
} from 'angular-auth-oidc-client';

import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MemoryAuthStorage } from './memory-auth.storage';

/** Configuration id of the one OIDC client of the SPA (key of the library's stored state). */
export const OIDC_CONFIG_ID = 'velosi';

/**
 * OpenID Connect login with angular-auth-oidc-client (certified OIDC client library): authorization
 * code flow + PKCE S256 against whatever issuer `/config.json` names. It only speaks the standard
 * (discovery, authorize, token, end_session), so it works the same against Keycloak in production
 * and against the dev identity provider (apps/idp). keycloak-angular/keycloak-js was not chosen:
 * it is tied to Keycloak's own adapter and paths, and would not run against the dev IdP.
 *
 * Token refresh: refresh tokens (no hidden iframe, which third-party-cookie blocking breaks). The
 * library's own periodic renew is OFF: TokenRefreshCoordinator schedules refreshes so that only
 * one tab of the browser refreshes at a time (Keycloak rotates refresh tokens, and reusing one
 * ends the session).
 */
export function provideOidcAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAuth({
      loader: { provide: StsConfigLoader, useFactory: oidcConfigLoader, deps: [APP_CONFIG] },
    }),
    // Declared after provideAuth so it replaces the library's sessionStorage default.
    { provide: AbstractSecurityStorage, useExisting: MemoryAuthStorage },
  ]);
}

function oidcConfigLoader(config: AppConfig): StsConfigLoader {
  const origin = window.location.origin;
  return new StsConfigStaticLoader({
    configId: OIDC_CONFIG_ID,
    authority: config.issuerUrl,
    clientId: config.clientId,
    responseType: 'code',
    scope: 'openid profile email',
    redirectUrl: `${origin}/auth/callback`,
    postLogoutRedirectUri: `${origin}/`,
    useRefreshToken: true,
    silentRenew: false,
    startCheckSession: false,
    // Keycloak copies the login nonce into refreshed ID tokens; the library expects none there.
    ignoreNonceAfterRefresh: true,
    // Tolerate a PC clock that is a few minutes off: expiry is tracked from `expires_in` (local
    // clock) rather than the ID token's `exp`, and the ID token's `iat` is not compared with the
    // local time (it comes straight from the token endpoint, bound to this login by PKCE + nonce).
    triggerRefreshWhenIdTokenExpired: false,
    disableIatOffsetValidation: true,
    // Who the user is comes from the ID token and /api/auth/me: no extra userinfo round trip.
    autoUserInfo: false,
    // The app navigates after the callback itself (back to the page the user asked for).
    triggerAuthorizationResultEvent: true,
    logLevel: isDevMode() ? LogLevel.Warn : LogLevel.Error,
  });
}
