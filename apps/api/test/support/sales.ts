import { inject } from 'vitest';
import type { AppConfig } from '../../src/config/app-config.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import { decodeSegment, idpPasswordGrant } from './auth.js';
import { DEMO, DEV_AUTH_SECRET } from './identity.js';
import { createFreshDatabase } from './services/postgres.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Every demo user of the dev overlay (passwords are DEMO ONLY), as the identity helpers know them. */
export const DEMO_USERS = DEMO;
export type DemoUser = keyof typeof DEMO_USERS;

/** The databases business tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const DATABASES = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
export type DatabaseTarget = (typeof DATABASES)[number];

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A user's HTTP client against the test API (bearer token from the run's IdP). */
export interface UserClient {
  sub: string;
  get<T = unknown>(path: string): Promise<JsonResponse<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<JsonResponse<T>>;
  patch<T = unknown>(path: string, body: unknown): Promise<JsonResponse<T>>;
  delete<T = unknown>(path: string): Promise<JsonResponse<T>>;
  /** The raw answer (files: CSV, PDF), with the user's token; `init` for uploads. */
  raw(path: string, init?: RequestInit): Promise<Response>;
}

export interface SalesApi {
  api: TestApp;
  as: Record<DemoUser, UserClient>;
  /** Each demo user's renewed access token, for clients of another instance (secondInstance). */
  sources: Record<DemoUser, TokenSource>;
  close(): Promise<void>;
}

/**
 * A signed-in user's access token, renewed by a new password grant shortly before it expires:
 * long suites (the fuzzer runs for minutes) must keep testing the routes, not the 401 of a token
 * that expired along the way.
 */
export interface TokenSource {
  sub: string;
  current(): Promise<string>;
}

const RENEW_BEFORE_EXPIRY_S = 60;

function expiryOf(token: string): number {
  const exp = decodeSegment(token, 1).exp;
  return typeof exp === 'number' ? exp : Number.POSITIVE_INFINITY;
}

function tokenSource(first: string, renew: () => Promise<string>): TokenSource {
  const sub = decodeSegment(first, 1).sub;
  if (typeof sub !== 'string') throw new Error('access token without sub');
  let token = first;
  let pending: Promise<string> | undefined;
  return {
    sub,
    async current() {
      if (expiryOf(token) - Date.now() / 1000 > RENEW_BEFORE_EXPIRY_S) return token;
      pending ??= renew().finally(() => (pending = undefined));
      token = await pending;
      return token;
    },
  };
}

async function request<T>(
  url: string,
  source: TokenSource,
  method: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${await source.current()}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

function clientFor(baseUrl: string, source: TokenSource): UserClient {
  return {
    sub: source.sub,
    get: (path) => request(`${baseUrl}${path}`, source, 'GET'),
    post: (path, body = {}) => request(`${baseUrl}${path}`, source, 'POST', body),
    patch: (path, body) => request(`${baseUrl}${path}`, source, 'PATCH', body),
    delete: (path) => request(`${baseUrl}${path}`, source, 'DELETE'),
    raw: async (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${await source.current()}`,
        },
      }),
  };
}

function clientsFor(baseUrl: string, sources: Record<DemoUser, TokenSource>): Record<DemoUser, UserClient> {
  const names = Object.keys(sources) as DemoUser[];
  return Object.fromEntries(names.map((name) => [name, clientFor(baseUrl, sources[name])])) as Record<
    DemoUser,
    UserClient
  >;
}

/**
 * Another API instance on the PostgreSQL database of `first` (what several replicas share in
 * production), with clients for the same signed-in users. Closing it leaves the database to `first`.
 */
export async function secondInstance(first: SalesApi, env: Record<string, string> = {}): Promise<SalesApi> {
  const database = first.api.app.get<symbol, AppConfig>(APP_CONFIG).database;
  if (database.kind !== 'postgres') throw new Error('two instances share a PostgreSQL database only');
  const api = await startTestApp({ DATABASE_URL: database.url, WEB_DIST_DIR: '/nonexistent', ...env });
  return { api, as: clientsFor(api.url, first.sources), sources: first.sources, close: () => api.close() };
}

/**
 * The API on `target` — PGlite in memory, or a fresh PostgreSQL database created for the file and
 * dropped after — with a signed-in client per demo user (password grant at the run's IdP, which
 * skips the API's login rate limit).
 */
export async function startSalesApi(
  target: DatabaseTarget,
  env: Record<string, string> = {},
): Promise<SalesApi> {
  const fresh =
    target === 'postgres'
      ? await createFreshDatabase(process.env.DATABASE_URL ?? '', 'velosi_sales')
      : undefined;
  const api = await startTestApp({
    ...(fresh ? { DATABASE_URL: fresh.url, DATABASE_POOL_SIZE: '4' } : {}),
    WEB_DIST_DIR: '/nonexistent',
    ...env,
  });
  const issuer = inject('identityIssuer');
  const secret = process.env.AUTH_TEST_CLIENT_SECRET ?? DEV_AUTH_SECRET;
  const signIn = async (name: DemoUser) =>
    (await idpPasswordGrant(issuer, secret, DEMO_USERS[name])).access_token;
  const entries = await Promise.all(
    (Object.keys(DEMO_USERS) as DemoUser[]).map(
      async (name) => [name, tokenSource(await signIn(name), () => signIn(name))] as const,
    ),
  );
  const sources = Object.fromEntries(entries) as Record<DemoUser, TokenSource>;
  return {
    api,
    as: clientsFor(api.url, sources),
    sources,
    close: async () => {
      await api.close();
      await fresh?.drop();
    },
  };
}
