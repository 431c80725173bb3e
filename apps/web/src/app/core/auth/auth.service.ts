import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { firstValueFrom } from 'rxjs';

import { APP_CONFIG } from '../config/app-config';
import { OIDC_CONFIG_ID } from './auth.providers';
import { rememberReturnUrl, safeReturnUrl, takeReturnUrl } from './return-url';
import { SessionStore } from './session.store';
import { SessionEndReason, TokenRefreshCoordinator } from './token-refresh.coordinator';

/**
 * - `authenticated`: tokens and `/api/auth/me` are there;
 * - `anonymous`: no session (log in);
 * - `unavailable`: tokens are there but the API could not say who the user is (API down).
 */
export type SessionStatus = 'authenticated' | 'anonymous' | 'unavailable';

/** Thrown by completeLogin when the identity provider's answer cannot be turned into a session. */
export class LoginFailedError extends Error {
  override readonly name = 'LoginFailedError';
}

const REVOKE_TIMEOUT_MS = 2_000;

/** Login, logout and the lifecycle of the session of this tab. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly oidc = inject(OidcSecurityService);
  private readonly tokens = inject(TokenRefreshCoordinator);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly config = inject(APP_CONFIG);

  private restoring: Promise<SessionStatus> | null = null;
  private readonly currentStatus = signal<SessionStatus | null>(null);
  readonly status = this.currentStatus.asReadonly();

  constructor() {
    this.tokens.setSessionEndHandler((reason) => this.endLocally(reason));
  }

  /**
   * The session of this tab: from memory, else from another open tab; never redirects. Cached
   * once authenticated, so guards can call it on every navigation.
   */
  ensureSession(): Promise<SessionStatus> {
    this.restoring ??= this.restore().then((status) => {
      if (status !== 'authenticated') this.restoring = null;
      this.currentStatus.set(status);
      return status;
    });
    return this.restoring;
  }

  /** Leaves for the identity provider's login page; comes back to `returnUrl` afterwards. */
  async login(returnUrl: string): Promise<void> {
    rememberReturnUrl(returnUrl);
    // Fails here (rather than silently inside authorize) when the identity provider is unreachable.
    await firstValueFrom(this.oidc.preloadAuthWellKnownDocument(OIDC_CONFIG_ID));
    const url = await new Promise<string>((resolve) =>
      this.oidc.authorize(OIDC_CONFIG_ID, { urlHandler: resolve }),
    );
    window.location.assign(url);
  }

  /** On `/auth/callback`: exchanges the code (PKCE) and returns the page to go back to. */
  async completeLogin(): Promise<string> {
    const result = await firstValueFrom(this.oidc.checkAuth(window.location.href, OIDC_CONFIG_ID));
    if (!result.isAuthenticated) throw new LoginFailedError(result.errorMessage || 'not authenticated');
    const status = await this.startSession(true);
    this.currentStatus.set(status);
    if (status === 'authenticated') this.restoring = Promise.resolve(status);
    return takeReturnUrl();
  }

  /**
   * RP-initiated logout: the identity provider ends its session (end_session with id_token_hint)
   * and sends the browser back to `/`. Other tabs share the tokens, so they are told first.
   */
  async logout(): Promise<void> {
    await this.revokeAtApi(this.tokens.currentAccessToken());
    this.tokens.stop('signed-out');
    this.forget();
    const endSessionUrl = await new Promise<string | null>((resolve) => {
      this.oidc.logoff(OIDC_CONFIG_ID, { urlHandler: resolve }).subscribe({
        complete: () => resolve(null),
        error: () => resolve(null),
      });
    });
    window.location.assign(endSessionUrl ?? '/');
  }

  /**
   * Asks the API to refuse this session's access token from now on (a copy of it would otherwise
   * work until it expires). Best effort and bounded: signing out never waits on an API that is down.
   */
  private async revokeAtApi(accessToken: string | null): Promise<void> {
    if (!accessToken) return;
    try {
      await fetch(`${this.config.apiUrl}/api/auth/session`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
      });
    } catch {
      // Unreachable API: the identity provider still ends the session (refresh stops).
    }
  }

  /** The API refuses even freshly refreshed tokens: end the session everywhere. */
  sessionRejected(): void {
    this.tokens.stop('expired');
    this.endLocally('expired');
  }

  private async restore(): Promise<SessionStatus> {
    let authenticated = await this.checkStoredTokens();
    if (!authenticated && (await this.tokens.adoptFromPeers())) {
      // The other tab's access token may have expired while it slept: its refresh token still works.
      authenticated = (await this.checkStoredTokens()) || (await this.tokens.refresh());
    }
    return authenticated ? this.startSession(false) : 'anonymous';
  }

  private async checkStoredTokens(): Promise<boolean> {
    // The origin, not the current URL: only /auth/callback may consume an authorization code.
    const result = await firstValueFrom(this.oidc.checkAuth(`${window.location.origin}/`, OIDC_CONFIG_ID));
    return result.isAuthenticated;
  }

  private async startSession(announce: boolean): Promise<SessionStatus> {
    this.tokens.start({ announce });
    try {
      await this.session.load();
      return 'authenticated';
    } catch (error) {
      // A 401 has already been handled by the auth interceptor (refresh, then session end).
      return error instanceof HttpErrorResponse && error.status === 401 ? 'anonymous' : 'unavailable';
    }
  }

  /** Another tab ended the session, or the refresh failed: clear this tab and say so. */
  private endLocally(reason: SessionEndReason): void {
    const returnUrl = safeReturnUrl(this.urlBeingShown());
    this.oidc.logoffLocal(OIDC_CONFIG_ID);
    this.forget();
    void this.router.navigate(['/session-expired'], {
      queryParams: { reason: reason === 'signed-out' ? reason : null, returnUrl },
    });
  }

  private forget(): void {
    this.session.clear();
    this.restoring = null;
    this.currentStatus.set('anonymous');
  }

  /** The page the user is on, or is navigating to (during a navigation `router.url` is the old one). */
  private urlBeingShown(): string {
    const navigation = this.router.currentNavigation();
    return navigation ? this.router.serializeUrl(navigation.extractedUrl) : this.router.url;
  }
}
