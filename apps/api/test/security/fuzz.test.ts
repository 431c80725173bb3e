import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSchemaOf } from '../../src/docs/contract-schemas.js';
import type { CatalogRoute } from '../../src/docs/route-catalog.js';
import { startSalesApi, type SalesApi, type UserClient } from '../support/sales.js';
import { fromSchema, hostileJson, queryFrom } from './support/arbitraries.js';
import {
  concretePath,
  endsSession,
  isProblem,
  label,
  registeredRoutes,
  send,
  type Answer,
} from './support/routes.js';
import { tally } from './support/tally.js';

// Property-based fuzzing of every route the app registers (fast-check): bodies generated from each
// route's own zod contract — mostly valid, so they reach the services and the database, with
// hostile values mixed in at any depth —, query strings from its query contract, hostile path
// segments. The property: never a 5xx, and every refusal is problem+json. At least 10,000 cases
// per run, spread over the routes; a failure prints fast-check's seed and shrunk counterexample.
const CASES = 10_500;
const fuzz = tally('fuzzing');
let sales: SalesApi;
let routes: CatalogRoute[];
const ids = new Map<string, string>();

beforeAll(async () => {
  sales = await startSalesApi(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  routes = registeredRoutes(sales).filter((r) => !endsSession(r) && r.access !== undefined);
  await seedRecords(sales.as.admin);
});
afterAll(() => sales?.close());

/** A few real records, so `/:id` routes are fuzzed on an existing record, not only on a 404. */
async function seedRecords(admin: UserClient): Promise<void> {
  const client = await admin.post<{ id: string }>('/api/clients', { name: 'Fuzz SARL', country: 'TN' });
  const lead = await admin.post<{ id: string }>('/api/leads', { fullName: 'Fuzz lead', source: 'website' });
  for (const res of [client, lead]) expect(res.status).toBe(201);
  for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes(':'))) {
    const list = await send(sales.api.url, admin, 'GET', `${route.path}?pageSize=1`);
    const id = (list.body as { items?: { id?: unknown }[] } | undefined)?.items?.[0]?.id;
    // Never the demo users: the run's identity provider is shared with the other files, and a
    // fuzzed password reset or disable on commercial1 would lock every later test out.
    if (list.status === 200 && typeof id === 'string' && !route.path.startsWith('/api/admin/users')) {
      ids.set(route.path, id);
    }
  }
}

/** The id of a record of the collection `route` belongs to (`/api/leads/:id/…` → a lead). */
function existingId(route: CatalogRoute): Record<string, string> {
  const collection = route.path.split('/:')[0] ?? '';
  const id = ids.get(collection);
  return id ? { id } : {};
}

function userFor(route: CatalogRoute): UserClient | undefined {
  return route.access?.kind === 'public' ? undefined : sales.as.admin;
}

function querySchemaOf(route: CatalogRoute): Record<string, unknown> {
  const whole = route.query ? jsonSchemaOf(route.query, 'input') : { properties: {} };
  const properties = { ...(whole.properties as Record<string, unknown>) };
  for (const param of route.queryParams) {
    properties[param.name] = param.schema ? jsonSchemaOf(param.schema, 'input') : { type: 'string' };
  }
  return { type: 'object', properties };
}

interface Input {
  path: string;
  body?: unknown;
}

/** What one generated request looks like for `route`: body, query or path segments. */
function inputs(route: CatalogRoute): fc.Arbitrary<Input> {
  const known = existingId(route);
  const path = fc.boolean().map((useKnown) => concretePath(route, useKnown ? known : {}));
  if (route.body) {
    const schema = jsonSchemaOf(route.body, 'input');
    const body = fc.oneof(
      { weight: 5, arbitrary: fromSchema(schema, 0, false) },
      { weight: 4, arbitrary: fromSchema(schema) },
      { weight: 1, arbitrary: hostileJson },
    );
    return fc.record({ path, body });
  }
  const query = querySchemaOf(route);
  if (Object.keys(query.properties as object).length > 0) {
    return fc.record({ path, query: queryFrom(query) }).map(({ path: p, query: q }) => ({
      path: `${p}?${new URLSearchParams(q).toString()}`,
    }));
  }
  if (route.pathParams.length > 0) {
    const segment = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('%00', '..', 'x'.repeat(256)));
    return fc.dictionary(fc.constantFrom(...route.pathParams.map((p) => p.name)), segment).map((values) => ({
      path: concretePath(route, { ...known, ...values }),
    }));
  }
  return fc.constant({ path: route.path });
}

function acceptable(answer: Answer): boolean {
  return answer.status < 500 && (answer.status < 400 || isProblem(answer));
}

describe('fuzzing every route (fast-check)', () => {
  it(`≥ ${CASES} generated requests: no 5xx, every refusal problem+json`, async () => {
    const runs = Math.ceil(CASES / routes.length);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const route of routes) {
      const result = await fc.check(
        fc.asyncProperty(inputs(route), async (input) => {
          const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? (input.body ?? {}) : undefined;
          const answer = await send(sales.api.url, userFor(route), route.method, input.path, body);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          return fuzz.check(acceptable(answer), `${label(route)} → ${answer.status} ${answer.contentType}`);
        }),
        { numRuns: runs, endOnFailure: true },
      );
      if (result.failed) failures.push(`${label(route)}: ${fc.defaultReportMessage(result) ?? 'failed'}`);
    }
    // How deep the cases went (2xx reached the database), for the suite's report.
    console.log(
      `fuzz statuses: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    // The failing answers (route → status and type) next to fast-check's counterexamples.
    expect({
      properties: failures.map((f) => f.slice(0, 1500)),
      answers: fuzz.failures.slice(0, 20),
    }).toEqual({
      properties: [],
      answers: [],
    });
  }, 900_000);
});
