import { DestroyRef, Injectable, inject } from '@angular/core';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { firstValueFrom } from 'rxjs';

import { OIDC_CONFIG_ID } from './auth.providers';
import { readTokenSubject } from './jwt';
import { MemoryAuthStorage, SharedTokenState, expiresAt } from './memory-auth.storage';

/** Web Lock held by the one tab that refreshes (whole origin, every tab of the browser). */
export const REFRESH_LOCK_NAME = 'velosi-token-refresh';
/** Channel on which tabs hand each other tokens and announce the end of the session. */
export const AUTH_CHANNEL_NAME = 'velosi-auth';

/** Access tokens live 5 minutes: refresh when one has less than this left. */
const REFRESH_AHEAD_MS = 60_000;
/** A token with less than this left is refreshed before being sent (latency, clock skew). */
const MIN_VALIDITY_MS = 20_000;
/** How long to listen for other tabs' tokens; they answer within a few ms unless frozen. */
const PEER_WAIT_MS = 150;
/** Random spread of the scheduled refresh so tabs do not all queue on the lock at once. */
const SCHEDULE_JITTER_MS = 5_000;

export type SessionEndReason = 'expired' | 'signed-out';

type AuthMessage =
  | { readonly type: 'hello' }
  | { readonly type: 'tokens'; readonly state: SharedTokenState; readonly accessToken: string }
  | { readonly type: 'ended'; readonly reason: SessionEndReason };

/**
 * Keeps the access token fresh, with ONE refresh at a time across all tabs.
 *
 * Keycloak rotates refresh tokens and refuses a reused one — and then ends the client session —
 * so two tabs refreshing with the same refresh token would log the user out. Here:
 * - tabs share one token set over a BroadcastChannel (memory only, see MemoryAuthStorage): a new
 *   tab asks ("hello") and takes the freshest answer instead of logging in again;
 * - a refresh runs inside the Web Lock `velosi-token-refresh`. Holding it, the tab first asks the
 *   others again and waits briefly: BroadcastChannel delivers a sender's messages in order, so the
 *   tokens of a tab that refreshed just before are in by then, and are used instead of refreshing
 *   with a refresh token that was already spent;
 * - the new tokens are broadcast before the lock is released.
 */
@Injectable({ providedIn: 'root' })
export class TokenRefreshCoordinator {
  private readonly oidc = inject(OidcSecurityService);
  private readonly storage = inject(MemoryAuthStorage);
  private readonly channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(AUTH_CHANNEL_NAME) : null;

  private inFlight: Promise<boolean> | null = null;
  /** Bumped when the session ends: a refresh queued on the lock before that must not run. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** True while this tab has a session (it then answers peers and takes their newer tokens). */
  private active = false;
  /** True while listening for peers' tokens without a session of our own (tab start-up). */
  private collecting = false;
  private onEnded: (reason: SessionEndReason) => void = () => undefined;

  constructor() {
    const listener = (event: MessageEvent<AuthMessage>) => this.receive(event.data);
    this.channel?.addEventListener('message', listener);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && this.active) void this.refreshIfDue();
    };
    document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      this.channel?.removeEventListener('message', listener);
      this.channel?.close();
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(this.timer);
    });
  }

  /** Called by AuthService: what to do when another tab, or a failed refresh, ends the session. */
  setSessionEndHandler(handler: (reason: SessionEndReason) => void): void {
    this.onEnded = handler;
  }

  /** Start-up of a tab without tokens: takes those of an open tab, if any. */
  async adoptFromPeers(): Promise<boolean> {
    this.collecting = true;
    try {
      await this.askPeers();
    } finally {
      this.collecting = false;
    }
    return this.currentAccessToken() !== null;
  }

  /** The session is established (login, adopted tokens): schedule refreshes, answer peers. */
  start(options: { announce: boolean }): void {
    this.active = true;
    if (options.announce) this.broadcastTokens();
    this.schedule();
  }

  /** Local end of the session; `broadcast` tells the other tabs (they share the tokens). */
  stop(broadcast?: SessionEndReason): void {
    this.active = false;
    this.generation++;
    clearTimeout(this.timer);
    if (broadcast) this.post({ type: 'ended', reason: broadcast });
  }

  /** An access token valid for a little while yet (refreshing first if needed), or null. */
  async validAccessToken(): Promise<string | null> {
    const token = this.currentAccessToken();
    if (!token || !this.active || this.remainingMs() > MIN_VALIDITY_MS) return token;
    return (await this.refresh()) ? this.currentAccessToken() : null;
  }

  /**
   * Refreshes the tokens (one refresh per tab at a time, one per browser under the lock).
   * `rejected` is a token the API refused: it is then replaced even if it looks valid.
   * Resolves false when the session cannot be refreshed (ended, user disabled…); the session is
   * then ended in every tab.
   */
  refresh(rejected?: string): Promise<boolean> {
    const generation = this.generation;
    this.inFlight ??= this.withLock(() => this.refreshHoldingLock(rejected, generation))
      .then((refreshed) => {
        if (!refreshed) this.end('expired', true);
        return refreshed;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  currentAccessToken(): string | null {
    return this.storage.accessToken(OIDC_CONFIG_ID);
  }

  private async refreshHoldingLock(rejected: string | undefined, generation: number): Promise<boolean> {
    await this.askPeers();
    if (generation !== this.generation) return false; // ended meanwhile (e.g. by another tab)
    const current = this.currentAccessToken();
    if (current && current !== rejected && this.remainingMs() > REFRESH_AHEAD_MS) {
      return true; // another tab refreshed meanwhile: its tokens were adopted
    }
    try {
      const result = await firstValueFrom(this.oidc.forceRefreshSession(undefined, OIDC_CONFIG_ID));
      if (!result?.isAuthenticated) return false;
    } catch {
      // invalid_grant (session ended by an admin, user disabled, refresh token expired) or an
      // unusable answer: the library has already cleared its tokens.
      return false;
    }
    this.broadcastTokens();
    this.schedule();
    return true;
  }

  private async refreshIfDue(): Promise<void> {
    if (this.remainingMs() > REFRESH_AHEAD_MS) {
      this.schedule();
      return;
    }
    await this.refresh();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.active) return;
    const delay = this.remainingMs() - REFRESH_AHEAD_MS;
    const jitter = Math.random() * SCHEDULE_JITTER_MS;
    this.timer = setTimeout(() => void this.refreshIfDue(), Math.max(0, delay - jitter));
  }

  private end(reason: SessionEndReason, broadcast: boolean): void {
    if (!this.active) return;
    this.stop(broadcast ? reason : undefined);
    this.onEnded(reason);
  }

  private receive(message: AuthMessage): void {
    switch (message.type) {
      case 'hello':
        if (this.active) this.broadcastTokens();
        break;
      case 'tokens':
        this.adopt(message.state, message.accessToken);
        break;
      case 'ended':
        this.end(message.reason, false);
        break;
    }
  }

  /** Milliseconds the current access token is still valid for (-Infinity without one). */
  private remainingMs(): number {
    const at = this.storage.accessTokenExpiresAt(OIDC_CONFIG_ID);
    return at === null || !this.currentAccessToken() ? Number.NEGATIVE_INFINITY : at - Date.now();
  }

  /** Takes another tab's tokens when they are newer ones of the same user. */
  private adopt(state: SharedTokenState, incomingToken: string): void {
    if (!this.active && !this.collecting) return;
    const incomingExpiry = expiresAt(state);
    const currentExpiry = this.currentAccessToken()
      ? this.storage.accessTokenExpiresAt(OIDC_CONFIG_ID)
      : null;
    if (incomingExpiry === null || incomingExpiry <= (currentExpiry ?? 0)) return;
    const incomingSub = readTokenSubject(incomingToken);
    const currentSub = readTokenSubject(this.currentAccessToken());
    if (currentSub !== null && incomingSub !== currentSub) return;
    this.storage.importTokens(OIDC_CONFIG_ID, state);
    if (this.active) this.schedule();
  }

  private broadcastTokens(): void {
    const state = this.storage.exportTokens(OIDC_CONFIG_ID);
    const accessToken = this.currentAccessToken();
    if (state && accessToken) this.post({ type: 'tokens', state, accessToken });
  }

  private async askPeers(): Promise<void> {
    if (!this.channel) return;
    this.post({ type: 'hello' });
    await new Promise((resolve) => setTimeout(resolve, PEER_WAIT_MS));
  }

  private post(message: AuthMessage): void {
    this.channel?.postMessage(message);
  }

  /**
   * Runs `task` under the cross-tab lock. Web Locks exist in every current browser but only in
   * secure contexts (https, localhost); elsewhere a tab refreshes on its own (in-tab single flight).
   */
  private withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'object' ? navigator.locks : undefined;
    return locks ? locks.request(REFRESH_LOCK_NAME, { mode: 'exclusive' }, task) : task();
  }
}
