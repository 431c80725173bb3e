import { randomUUID } from 'node:crypto';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ProblemSchema, ROLE_PERMISSIONS, type Role } from '@velosi/contracts';
import type { RouteAccess } from '../../../src/auth/route-access.js';
import { catalogRoutes, type CatalogRoute } from '../../../src/docs/route-catalog.js';
import type { SalesApi, UserClient } from '../../support/sales.js';

/** Every route the running app registered, as its router and its guard read them. */
export function registeredRoutes(sales: SalesApi): CatalogRoute[] {
  const { app } = sales.api;
  return catalogRoutes(app.get(DiscoveryService), app.get(Reflector), app.get(MetadataScanner));
}

/** The principals every route is tried with: nobody, then one demo user per realm role. */
/**
 * Routes that end the caller's session (logout, sign-out): the caller's token is refused after
 * them, so suites run them last or leave them out.
 */
export function endsSession(route: CatalogRoute): boolean {
  return route.path.includes('logout') || (route.method === 'DELETE' && route.path === '/api/auth/session');
}

export const PRINCIPALS = [
  { name: 'anonymous', role: undefined, user: undefined },
  { name: 'admin', role: 'ADMIN', user: 'admin' },
  { name: 'commercial1', role: 'COMMERCIAL', user: 'commercial1' },
  { name: 'ops1', role: 'OPERATIONS', user: 'ops1' },
  { name: 'finance1', role: 'FINANCE', user: 'finance1' },
] as const satisfies readonly { name: string; role: Role | undefined; user: string | undefined }[];
export type Principal = (typeof PRINCIPALS)[number];

/**
 * What the permission map (contracts roles-map) says a principal gets from the guard: 'pass' (the
 * guard lets the request through; validation or the handler answer), 401 or 403. A route that
 * declares no rule is refused to everyone, which the matrix reports as a defect of its own.
 */
export function expectedAccess(access: RouteAccess | undefined, role: Role | undefined): 'pass' | 401 | 403 {
  if (access?.kind === 'public') return 'pass';
  if (role === undefined) return 401;
  if (access === undefined) return 403;
  if (access.kind === 'authenticated') return 'pass';
  const granted = new Set(ROLE_PERMISSIONS[role]);
  return access.permissions.every((p) => granted.has(p)) ? 'pass' : 403;
}

/** `/api/leads/:id/convert` with every parameter filled (a given id, else a fresh UUID). */
export function concretePath(route: CatalogRoute, ids: Readonly<Record<string, string>> = {}): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(ids[name] ?? randomUUID()));
}

export interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

/** Sends one request as `user` (or anonymously) and reads the whole answer, whatever its type. */
export async function send(
  baseUrl: string,
  user: UserClient | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const init: RequestInit = {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  };
  const res = user ? await user.raw(path, init) : await fetch(`${baseUrl}${path}`, init);
  const contentType = res.headers.get('content-type') ?? '';
  const text = await res.text();
  let parsed: unknown = text;
  if (contentType.includes('json') && text) parsed = JSON.parse(text) as unknown;
  return { status: res.status, contentType, body: parsed };
}

/** A refusal is RFC 9457 problem+json with a title and the status it was sent with. */
export function isProblem(answer: Answer): boolean {
  if (!answer.contentType.startsWith('application/problem+json')) return false;
  const problem = ProblemSchema.safeParse(answer.body);
  return problem.success && problem.data.status === answer.status;
}

export function label(route: CatalogRoute): string {
  return `${route.method} ${route.path}`;
}
