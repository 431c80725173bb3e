import { Injectable } from '@angular/core';
import { AbstractSecurityStorage } from 'angular-auth-oidc-client';

/**
 * Where angular-auth-oidc-client keeps its state: one JSON object per configuration holding the
 * tokens, the PKCE verifier, state/nonce and the discovery document.
 *
 * Choice: tokens live in memory only. Web Storage is readable by any script running in the page
 * (an injected script, a compromised dependency) and outlives the tab; memory dies with the tab and
 * is not reachable from another origin. The price — a reload or a new tab has no tokens — is paid
 * by asking the other open tabs for theirs (TokenRefreshCoordinator) and otherwise by a redirect to
 * the identity provider, which answers at once while its SSO session lasts.
 *
 * One exception, the redirect round trip: the login leaves the page for the identity provider, so
 * `state`, `nonce` and the PKCE `code_verifier` must survive until `/auth/callback`. Those (and the
 * public discovery document) go to sessionStorage — scoped to this tab, gone when it closes — and
 * are deleted as soon as the callback has produced tokens. They are single-use and worthless
 * without the authorization code; no token is ever written there.
 */
@Injectable({ providedIn: 'root' })
export class MemoryAuthStorage implements AbstractSecurityStorage {
  private readonly entries = new Map<string, string>();

  read(key: string): string | null {
    const value = this.entries.get(key);
    if (value !== undefined) return value;
    const saved = sessionGet(ROUND_TRIP_PREFIX + key);
    if (saved !== null) this.entries.set(key, saved);
    return saved;
  }

  write(key: string, value: string): void {
    this.entries.set(key, value);
    this.keepRoundTripState(key, parseState(value));
  }

  remove(key: string): void {
    this.entries.delete(key);
    sessionRemove(ROUND_TRIP_PREFIX + key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  /** The token part of a configuration's state, to hand to another tab (no PKCE/flow values). */
  exportTokens(key: string): SharedTokenState | null {
    const state = parseState(this.entries.get(key) ?? null);
    if (!state?.[TOKEN_RESULT_KEY]) return null;
    const shared: Record<string, unknown> = {};
    for (const name of SHARED_KEYS) if (name in state) shared[name] = state[name];
    return shared;
  }

  /** Takes another tab's tokens, keeping this tab's own flow values. */
  importTokens(key: string, shared: SharedTokenState): void {
    const state = parseState(this.entries.get(key) ?? null) ?? {};
    for (const name of SHARED_KEYS) {
      if (name in shared) state[name] = shared[name];
      else delete state[name];
    }
    this.write(key, JSON.stringify(state));
  }

  /** The access token of the stored state, if any (read synchronously by the refresh scheduler). */
  accessToken(key: string): string | null {
    const result = parseState(this.entries.get(key) ?? null)?.[TOKEN_RESULT_KEY];
    if (typeof result !== 'object' || result === null) return null;
    const token = (result as Record<string, unknown>)['access_token'];
    return typeof token === 'string' ? token : null;
  }

  /**
   * When the access token expires, epoch ms of THIS machine's clock: the library computes it from
   * `expires_in` when the tokens arrive, so a wrong PC clock does not shift it (the JWT's `exp` is
   * server time). Tabs of one browser share the clock, so the value travels with shared tokens.
   */
  accessTokenExpiresAt(key: string): number | null {
    return expiresAt(parseState(this.entries.get(key) ?? null));
  }

  private keepRoundTripState(key: string, state: Record<string, unknown> | null): void {
    const storageKey = ROUND_TRIP_PREFIX + key;
    if (!state || state[TOKEN_RESULT_KEY]) {
      sessionRemove(storageKey);
      return;
    }
    const roundTrip: Record<string, unknown> = {};
    for (const name of ROUND_TRIP_KEYS) if (name in state) roundTrip[name] = state[name];
    if ('codeVerifier' in roundTrip || 'authStateControl' in roundTrip) {
      sessionSet(storageKey, JSON.stringify(roundTrip));
    } else {
      sessionRemove(storageKey);
    }
  }
}

/** Opaque to the app: the subset of the library's state that another tab may take over. */
export type SharedTokenState = Readonly<Record<string, unknown>>;

/** Expiry (local epoch ms) of the access token of a stored or shared state. */
export function expiresAt(state: SharedTokenState | null): number | null {
  const value = state?.[EXPIRES_AT_KEY];
  return typeof value === 'number' ? value : null;
}

// Key names of angular-auth-oidc-client 22's StoragePersistenceService. Checked again on upgrade.
const TOKEN_RESULT_KEY = 'authnResult';
const EXPIRES_AT_KEY = 'access_token_expires_at';
/** Token state handed between tabs (the discovery document too, to avoid refetching it). */
const SHARED_KEYS = [
  TOKEN_RESULT_KEY,
  'authzData',
  EXPIRES_AT_KEY,
  'userData',
  'session_state',
  'reusable_refresh_token',
  'authWellKnownEndPoints',
] as const;
/** What must survive the full-page redirect to the identity provider and back. */
const ROUND_TRIP_KEYS = [
  'authStateControl',
  'authNonce',
  'codeVerifier',
  'storageCodeFlowInProgress',
  'storageCustomParamsAuthRequest',
  'authWellKnownEndPoints',
] as const;
const ROUND_TRIP_PREFIX = 'velosi.oidc-flow.';

function parseState(value: string | null): Record<string, unknown> | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

// sessionStorage may be disabled by policy: the login then fails at the callback (state check),
// which the callback page reports, rather than breaking the whole app here.
function sessionGet(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function sessionSet(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // See above.
  }
}

function sessionRemove(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // See above.
  }
}
