import { createHash } from 'node:crypto';
import { ROLES, permissionsFor, type Role } from '@velosi/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from '../config/app-config.js';
import type { AuthUser } from './auth-user.js';

/** Claims of a Keycloak access token the API reads (beyond the registered ones jose checks). */
export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  exp: number;
  typ?: unknown;
  preferred_username?: unknown;
  email?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  realm_access?: { roles?: unknown };
}

export interface VerifiedToken {
  user: AuthUser;
  claims: AccessTokenClaims;
}

/** The bearer token is not acceptable; `reason` goes to the debug log only, never to the client. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

// Keycloak and the API clocks may drift a little; docs/rules.md (Identity) allows at most 30 s.
const CLOCK_TOLERANCE_SECONDS = 30;
// Refetch the JWKS at least this often even without an unknown kid, so a removed key stops working.
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 5_000;

/**
 * Local access-token validation: signature against the issuer's JWKS (cached by jose), RS256 only,
 * pinned issuer, audience, `typ: Bearer`, exp/nbf. No call to the IdP per request.
 *
 * jose never looks at `jku`, `x5u` or `jwk` headers when given a key resolver, so those headers
 * cannot make us fetch or trust a key; only the configured JWKS URL is ever used.
 */
export class TokenVerifier {
  readonly jwksUrl: URL;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;
  // Verified tokens by SHA-256 (never keep the raw token as a key). Entries expire with the token.
  private readonly verified?: LRUCache<string, VerifiedToken>;

  constructor(private readonly config: AuthConfig) {
    if (config.tokenCacheSize > 0) {
      this.verified = new LRUCache<string, VerifiedToken>({
        max: config.tokenCacheSize,
        ttlAutopurge: false,
      });
    }
    this.jwksUrl = new URL(`${config.issuerUrl}/protocol/openid-connect/certs`);
    this.jwks = createRemoteJWKSet(this.jwksUrl, {
      // An unknown kid triggers a refetch only when the last download is older than this, so a
      // flood of forged kids costs at most one JWKS request per cooldown period.
      cooldownDuration: config.jwksCooldownSeconds * 1000,
      cacheMaxAge: JWKS_MAX_AGE_MS,
      timeoutDuration: JWKS_TIMEOUT_MS,
    });
  }

  async verify(token: string): Promise<VerifiedToken> {
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = this.verified?.get(key);
    if (cached) return cached;

    const claims = await this.verifySignatureAndClaims(token);
    const result: VerifiedToken = { user: toAuthUser(claims, token), claims };
    const ttl = claims.exp * 1000 - Date.now();
    if (ttl > 0) this.verified?.set(key, result, { ttl });
    return result;
  }

  /** Resolves when signing keys are loaded and fresh, downloading them if needed (readiness). */
  async ensureKeys(): Promise<number> {
    if (!this.jwks.fresh) await this.jwks.reload();
    const keys = this.jwks.jwks()?.keys ?? [];
    if (keys.length === 0) throw Object.assign(new Error('JWKS has no keys'), { code: 'NO_KEYS' });
    return keys.length;
  }

  // jose checks `alg` against the allow-list before calling this, so HS256/none tokens never
  // reach the network.
  private readonly resolveKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await this.jwks(header, token);
    } catch (error) {
      if (downloadFailure(error)) throw new JwksUnavailableError('JWKS unavailable', { cause: error });
      throw error;
    }
  };

  private async verifySignatureAndClaims(token: string): Promise<AccessTokenClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.resolveKey, {
        algorithms: ['RS256'],
        issuer: this.config.issuerUrl,
        audience: this.config.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (error instanceof JwksUnavailableError) throw error;
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    // ID and refresh tokens are also RS256/HS512 JWTs from the same issuer; only access tokens
    // (Keycloak: typ "Bearer") may call the API.
    if (payload.typ !== 'Bearer') throw new InvalidTokenError('typ claim is not Bearer');
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number')
      throw new InvalidTokenError('sub/exp missing');
    // A token "issued" in the future is forged or from a broken clock; jose only checks exp/nbf.
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS)
      throw new InvalidTokenError('iat in the future');
    // Every client of the realm can obtain tokens for this audience; only the ERP's own are accepted.
    if (typeof payload.azp !== 'string' || !this.config.authorizedParties.includes(payload.azp))
      throw new InvalidTokenError('azp is not an ERP client');
    return payload as AccessTokenClaims;
  }
}

/** The JWKS could not be downloaded: the IdP is down, not the caller's fault (answered 503). */
export class JwksUnavailableError extends Error {
  override readonly name = 'JwksUnavailableError';
}

// What jose raises when the download itself fails: a timeout, fetch()'s TypeError for a refused
// connection, a plain JOSEError for a non-200 or non-JSON answer, JWKSInvalid for a malformed set.
// Key-selection errors (no/multiple matching key) are the token's fault and stay as they are.
function downloadFailure(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (!(error instanceof errors.JOSEError)) return true;
  return error.code === 'ERR_JOSE_GENERIC';
}

function stringClaim(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Realm roles of the token restricted to the ERP's roles (drops offline_access, default-roles-…). */
export function erpRoles(claims: AccessTokenClaims): Role[] {
  const raw = claims.realm_access?.roles;
  if (!Array.isArray(raw)) return [];
  // Contracts' order, so the same roles always read the same whatever order Keycloak emits them in.
  return ROLES.filter((role) => raw.includes(role));
}

function toAuthUser(claims: AccessTokenClaims, token: string): AuthUser {
  const roles = erpRoles(claims);
  return {
    sub: claims.sub,
    username: stringClaim(claims.preferred_username) ?? claims.sub,
    roles,
    permissions: permissionsFor(roles),
    email: stringClaim(claims.email),
    name: stringClaim(claims.name),
    exp: claims.exp,
    token,
  };
}
