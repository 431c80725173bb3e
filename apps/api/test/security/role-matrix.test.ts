import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRoute } from '../../src/docs/route-catalog.js';
import { startSalesApi, type SalesApi } from '../support/sales.js';
import {
  concretePath,
  endsSession,
  expectedAccess,
  isProblem,
  label,
  PRINCIPALS,
  registeredRoutes,
  send,
} from './support/routes.js';
import { tally } from './support/tally.js';

// The role matrix, generated: every route the app registers × anonymous and one user per realm
// role. The expected answer comes from the permission map (contracts roles-map) and the route's
// declared rule, never from a hand-kept list, so a new route is covered the day it is added and a
// route that declares no rule fails here. Path ids are fresh UUIDs and bodies empty: the guard
// answers before validation, so "allowed" means "neither 401 nor 403", never a 5xx.
const matrix = tally('role matrix');
let sales: SalesApi;
let routes: CatalogRoute[];

beforeAll(async () => {
  sales = await startSalesApi(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  // Session-ending routes last, so no principal loses its session halfway through the matrix.
  routes = registeredRoutes(sales).sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));
});
afterAll(() => sales?.close());

describe('generated role matrix', () => {
  it('covers the whole API', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      matrix.check(route.access !== undefined, `${label(route)} declares no access rule`);
    }
  });

  for (const principal of PRINCIPALS) {
    it(`every route as ${principal.name} answers what the permission map says`, async () => {
      const user = principal.user ? sales.as[principal.user] : undefined;
      for (const route of routes) {
        const expected = expectedAccess(route.access, principal.role);
        const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
        const answer = await send(sales.api.url, user, route.method, concretePath(route), body);
        const what = `${label(route)} as ${principal.name} → ${answer.status}`;
        if (expected === 'pass') {
          matrix.check(answer.status !== 401 && answer.status !== 403, `${what}, expected access`);
        } else {
          matrix.check(answer.status === expected && isProblem(answer), `${what}, expected ${expected}`);
        }
        matrix.check(answer.status < 500, `${what}: server error`);
      }
      matrix.assertAllPassed();
    });
  }
});
