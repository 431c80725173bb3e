import { createHash, randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { IdpDeps } from '../context.js';
import type { StoredUser } from '../users/store.js';
import { profileClaims } from './claims.js';

export interface IdTokenInput {
  user: StoredUser;
  clientId: string;
  accessToken: string;
  sid?: string;
  /** Only for browser logins (Keycloak leaves auth_time out of password-grant tokens). */
  authTime?: number;
  nonce?: string;
}

/** OIDC at_hash: left half of the SHA-256 of the access token, base64url. */
function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/**
 * ID tokens in Keycloak's exact shape and key order (typ "ID", azp, sid, at_hash, acr, profile
 * claims), signed with the current signing key. oidc-provider's own ID token cannot carry at_hash
 * at the token endpoint nor this order, so token responses get this one instead.
 */
export async function signIdToken(deps: IdpDeps, input: IdTokenInput): Promise<string> {
  const jwk = deps.keys.jwks.keys[0]!;
  const key = await importJWK(jwk, 'RS256');
  const iat = Math.floor(Date.now() / 1000);
  const payload = {
    exp: iat + deps.realm.accessTokenLifespan,
    iat,
    ...(input.authTime !== undefined ? { auth_time: input.authTime } : {}),
    jti: randomUUID(),
    iss: deps.issuer,
    aud: input.clientId,
    sub: input.user.id,
    typ: 'ID',
    azp: input.clientId,
    ...(input.nonce ? { nonce: input.nonce } : {}),
    ...(input.sid ? { sid: input.sid } : {}),
    at_hash: atHash(input.accessToken),
    acr: '1',
    ...profileClaims(input.user),
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: jwk.kid }).sign(key);
}
