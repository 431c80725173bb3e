import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { afterAll, beforeAll } from 'vitest';
import { startIdp, type IdpOptions, type RunningIdp } from '../src/server.js';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const REALM_FILE = join(REPO, 'deploy/keycloak/realm-ERP_Velosi.json');
export const USERS_FILE = join(REPO, 'deploy/keycloak/dev/ERP_Velosi-users-0.json');
export const AUTH_SECRET = 'velosi-auth-dev-secret';
export const WEB_REDIRECT = 'http://localhost:3000/auth/callback';

export interface TestIdp {
  idp: RunningIdp;
  dataDir: string;
  token(params: Record<string, string>, auth?: { id: string; secret: string } | 'none'): Promise<Response>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the IdP on an ephemeral port with a fresh temp data dir and the repo's realm files. */
export async function startTestIdp(overrides: Partial<IdpOptions> = {}): Promise<TestIdp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'velosi-idp-'));
  const options: IdpOptions = {
    dataDir,
    realmFile: REALM_FILE,
    usersFile: USERS_FILE,
    port: 0,
    env: { VELOSI_WEB_URL: 'http://localhost:3000', VELOSI_AUTH_CLIENT_SECRET: AUTH_SECRET },
    ...overrides,
  };
  const handle: TestIdp = {
    idp: await startIdp(options),
    dataDir,
    async token(params, auth = { id: 'velosi_auth', secret: AUTH_SECRET }) {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      const body = new URLSearchParams(params);
      if (auth === 'none') {
        /* public client: client_id in params */
      } else {
        headers.authorization = `Basic ${Buffer.from(`${auth.id}:${auth.secret}`).toString('base64')}`;
      }
      return fetch(`${handle.idp.issuer}/protocol/openid-connect/token`, { method: 'POST', headers, body });
    },
    async restart() {
      const port = Number(new URL(handle.idp.url).port);
      await handle.idp.close();
      handle.idp = await startIdp({ ...options, port });
    },
    async stop() {
      await handle.idp.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/**
 * One IdP for the calling test file: started before its tests (beforeAll), stopped after
 * (afterAll). The returned object stands for it, so tests keep writing `t.idp`, `t.token(…)`.
 */
export function testIdpForFile(): TestIdp {
  let current: TestIdp | undefined;
  beforeAll(async () => {
    current = await startTestIdp();
  });
  afterAll(() => current?.stop());
  return new Proxy({} as TestIdp, {
    get(_target, key) {
      if (!current) throw new Error('the IdP starts in beforeAll');
      return Reflect.get(current, key) as unknown;
    },
  });
}

/** The IdP's published signing keys (its JWKS endpoint), to verify its tokens as a client would. */
export async function publishedKeys(t: TestIdp) {
  return createLocalJWKSet(await (await fetch(`${t.idp.issuer}/protocol/openid-connect/certs`)).json());
}

/**
 * Verifies a token as a resource server would: the published keys, the issuer and, when given,
 * the audience. Returns its claims.
 */
export async function verifiedClaims(t: TestIdp, jwt: string, audience?: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(jwt, await publishedKeys(t), {
    issuer: t.idp.issuer,
    ...(audience ? { audience } : {}),
  });
  return payload;
}

/**
 * A token's claim names in the order Keycloak 26.7 emits them (checked live by
 * keycloak-parity.test.ts): the registered claims, with `auth_time` when the user logged in
 * through the browser, then the claims of that kind of token.
 */
export function claimOrder(own: readonly string[], { authTime = false } = {}): string[] {
  return ['exp', 'iat', ...(authTime ? ['auth_time'] : []), 'jti', 'iss', 'aud', 'sub', 'typ', 'azp', ...own];
}

/** The profile and e-mail claims of a user with a full profile, in the order Keycloak emits them. */
export const PROFILE_CLAIMS = [
  'email_verified',
  'name',
  'preferred_username',
  'given_name',
  'family_name',
  'email',
] as const;

/** A copy of the realm file with some top-level settings changed (e.g. brute-force knobs). */
export async function realmVariant(changes: Record<string, unknown>): Promise<string> {
  const realm = JSON.parse(await readFile(REALM_FILE, 'utf8')) as Record<string, unknown>;
  const dir = await mkdtemp(join(tmpdir(), 'velosi-realm-'));
  const path = join(dir, 'realm.json');
  await writeFile(path, JSON.stringify({ ...realm, ...changes }));
  return path;
}

export function claimsOf(jwt: string): Record<string, unknown> {
  return decodeJwt(jwt) as Record<string, unknown>;
}

export function headerOf(jwt: string): Record<string, unknown> {
  return decodeProtectedHeader(jwt) as Record<string, unknown>;
}

export async function passwordLogin(t: TestIdp, username: string, password: string, scope = 'openid') {
  const response = await t.token({ grant_type: 'password', username, password, scope });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/**
 * PKCE parameters for an authorization request whose code is never exchanged (RFC 7636's example
 * challenge): enough to reach the login page.
 */
export const PKCE = {
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
};

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Minimal cookie jar honouring cookie paths, enough to drive the login flow like a browser. */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const path =
        attributes
          .map((a) => a.trim())
          .find((a) => a.toLowerCase().startsWith('path='))
          ?.slice(5) ?? '/';
      const expired =
        attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(`${name}|${path}`);
      else this.cookies.set(`${name}|${path}`, { value, path });
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies.entries()]
      .filter(([, cookie]) => pathname.startsWith(cookie.path))
      .map(([key, cookie]) => `${key.split('|')[0]}=${cookie.value}`)
      .join('; ');
  }
}

export async function browserGet(jar: CookieJar, url: string): Promise<Response> {
  const response = await fetch(url, {
    redirect: 'manual',
    headers: { cookie: jar.header(url), accept: 'text/html' },
  });
  jar.store(response);
  return response;
}

export async function browserPost(
  jar: CookieJar,
  url: string,
  form: Record<string, string>,
): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: jar.header(url),
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
    },
    body: new URLSearchParams(form),
  });
  jar.store(response);
  return response;
}

/** Follows redirects (resolving relative Locations) until a page or the client's redirect URI. */
export async function follow(
  jar: CookieJar,
  start: Response,
  from: string,
): Promise<{ response: Response; url: string }> {
  let response = start;
  let url = from;
  for (let hops = 0; hops < 10 && [302, 303].includes(response.status); hops += 1) {
    url = new URL(response.headers.get('location')!, url).href;
    if (url.startsWith('http://localhost:3000/')) return { response, url };
    response = await browserGet(jar, url);
  }
  return { response, url };
}

export function authorizeUrl(t: TestIdp, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: 'velosi_web',
    response_type: 'code',
    redirect_uri: WEB_REDIRECT,
    scope: 'openid',
    state: 'st1',
    nonce: 'n1',
    ...params,
  });
  return `${t.idp.issuer}/protocol/openid-connect/auth?${query}`;
}

/** Opens the login page of a fresh authorization request; returns the page and its form action. */
export async function openLoginPage(t: TestIdp, jar: CookieJar, params: Record<string, string>) {
  const first = await browserGet(jar, authorizeUrl(t, params));
  const { response, url } = await follow(jar, first, authorizeUrl(t, params));
  const html = await response.text();
  const action = /<form id="kc-form-login" action="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&');
  return { status: response.status, html, url, action: action ? new URL(action, url).href : undefined };
}

/** Full authorization code + PKCE login; returns the callback URL (with code) and the verifier. */
export async function codeLogin(
  t: TestIdp,
  username: string,
  password: string,
  extra: Record<string, string> = {},
) {
  const jar = new CookieJar();
  const pkce = pkcePair();
  const page = await openLoginPage(t, jar, {
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  if (!page.action) throw new Error(`no login form: ${page.status} ${page.html.slice(0, 300)}`);
  const posted = await browserPost(jar, page.action, { username, password });
  const { url } = await follow(jar, posted, page.action);
  return { callback: new URL(url), verifier: pkce.verifier, jar };
}

export async function exchangeCode(t: TestIdp, code: string, verifier: string | undefined) {
  const response = await t.token(
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: WEB_REDIRECT,
      client_id: 'velosi_web',
      ...(verifier ? { code_verifier: verifier } : {}),
    },
    'none',
  );
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}
