import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenResponseSchema, type TokenResponse } from '@velosi/contracts';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type JWTPayload,
  type JWTHeaderParameters,
} from 'jose';

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

export function login(apiUrl: string, username: string, password: string): Promise<Response> {
  return fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

/** Logs in through the API and returns the token set, failing loudly otherwise. */
export async function tokensFor(
  apiUrl: string,
  user: { username: string; password: string },
): Promise<TokenResponse> {
  const res = await login(apiUrl, user.username, user.password);
  if (res.status !== 200) throw new Error(`login ${user.username} → ${res.status} ${await res.text()}`);
  return TokenResponseSchema.parse(await res.json());
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** A fresh RS256 key pair of the test's own, published nowhere unless the test serves it. */
export async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export function sign(
  key: TestKey,
  claims: JWTPayload,
  header: Partial<JWTHeaderParameters> = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })
    .sign(key.privateKey);
}

export interface JwksServer {
  /** Issuer URL whose `/protocol/openid-connect/certs` serves `keys`. */
  issuer: string;
  keys: JWK[];
  /** Number of JWKS downloads so far. */
  hits(): number;
  close(): Promise<void>;
}

/** A tiny HTTP server publishing a JWKS the test controls (and counting how often it is fetched). */
export async function serveJwks(keys: JWK[]): Promise<JwksServer> {
  let hits = 0;
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/protocol/openid-connect/certs')) {
      hits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: JwksServer = {
    issuer: `http://127.0.0.1:${port}/realms/ERP_Velosi`,
    keys,
    hits: () => hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return state;
}

/** base64url JSON segment, for hand-made tokens (alg none, tampering). */
export function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeSegment(token: string, index: 0 | 1): Record<string, unknown> {
  const part = token.split('.')[index] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Password grant straight at an IdP's token endpoint with the velosi_auth credentials. */
export async function idpPasswordGrant(
  issuer: string,
  secret: string,
  user: { username: string; password: string },
): Promise<TokenResponse> {
  const grant = () =>
    fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`velosi_auth:${secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'password', username: user.username, password: user.password }),
    });
  const res = await grant().catch((error: unknown) => {
    // A pooled keep-alive connection the IdP had just closed: an API seeding PGlite in this same
    // worker blocks the event loop, so undici's idle timer fires late and the socket is reused
    // after the IdP's keep-alive timeout. The grant never reached the IdP: ask again once.
    if ((error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return grant();
    throw error;
  });
  if (res.status !== 200) throw new Error(`password grant → ${res.status} ${await res.text()}`);
  return TokenResponseSchema.parse(await res.json());
}
