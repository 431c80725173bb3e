import { randomUUID } from 'node:crypto';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { compileErrors, validate } from '@readme/openapi-parser';
import { LeadCreateSchema, LeadSchema, type Permission } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { describeAccess } from '../auth/route-access.js';
import { catalogRoutes } from './route-catalog.js';

type Json = Record<string, unknown>;
interface Operation {
  security?: unknown[];
  description?: string;
  'x-permission'?: string | string[];
  parameters: { name: string; in: string; description?: string; schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: Json }> }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json> };
}

// Secrets the app is started with: the document must contain none of them.
const SECRETS = {
  METRICS_TOKEN: 'docs-test-metrics-token-0123456789',
  OIDC_AUTH_CLIENT_SECRET: 'docs-test-client-secret-9876543210',
};
/** Routes Nest maps that the document leaves out on purpose (operations and the docs themselves). */
const HIDDEN = [
  'GET /metrics',
  'GET /api/docs.json',
  'GET /api/docs',
  'GET /api/docs/init.js',
  'GET /api/docs/assets/{file}',
];

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const contractJson = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io });
  return json;
};

describe('OpenAPI document and docs page', () => {
  let api: TestApp;
  let raw: unknown;
  let doc: OpenApi;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        method,
        op,
      })),
    );

  beforeAll(async () => {
    api = await startTestApp({ ...SECRETS, WEB_DIST_DIR: '/nonexistent' });
    const res = await fetch(`${api.url}/api/docs.json`);
    expect(res.status).toBe(200);
    raw = await res.json();
    doc = raw as OpenApi;
  });
  afterAll(() => api?.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(raw) as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('lists every route Nest mapped, and only those, except the hidden ones', () => {
    // Nest logs each route it registers: `Mapped {/api/leads/:id, GET} route`.
    const mapped = api.logs
      .map((line) => /^Mapped \{(.+), (\w+)\} route$/.exec(line.msg ?? ''))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[2]} ${toOpenApiPath(m[1] ?? '')}`);
    expect(mapped.length).toBeGreaterThan(50);
    expect(mapped).toEqual(expect.arrayContaining(HIDDEN));
    const documented = operations().map((o) => o.key);
    expect(documented.toSorted()).toEqual(mapped.filter((r) => !HIDDEN.includes(r)).toSorted());
  });

  it('marks exactly the routes that answer without a token as public', async () => {
    for (const { key, path, method, op } of operations()) {
      const url = `${api.url}${path.replace(/\{\w+\}/g, randomUUID())}`;
      // Without a token the guard answers before any pipe or handler runs, so nothing changes.
      const res = await fetch(url, {
        method: method.toUpperCase(),
        ...(method === 'get' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      expect(res.status === 401, `${key} answered ${res.status}`).toBe(!isPublic);
      expect(Object.keys(op.responses).includes('401'), key).toBe(!isPublic);
    }
  });

  it('finds an access rule on every route Nest mapped, hidden ones included', () => {
    const routes = catalogRoutes(
      api.app.get(DiscoveryService),
      api.app.get(Reflector),
      api.app.get(MetadataScanner),
    );
    expect(routes.length).toBeGreaterThan(50);
    const undeclared = routes
      .filter((r) => r.access === undefined)
      .map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(undeclared, 'add @RequirePermission(…), @Authenticated() or @Public()').toEqual([]);
  });

  it('prints the permission of every operation that is not public', () => {
    for (const { key, op } of operations()) {
      const rule = op['x-permission'];
      expect(rule, key).toBeDefined();
      expect(rule, key).not.toBe('none');
      if (rule === 'public') {
        expect(op.security, key).toEqual([]);
        continue;
      }
      expect(op.security, key).toBeUndefined();
      if (Array.isArray(rule)) {
        expect(rule.length, key).toBeGreaterThan(0);
        expect(op.description, key).toBe(
          describeAccess({ kind: 'permission', permissions: rule as Permission[] }),
        );
      } else {
        expect(rule, key).toBe('authenticated');
      }
    }
    expect(doc.paths['/api/leads/{id}']?.patch?.['x-permission']).toEqual(['leads:write']);
    expect(doc.paths['/api/quotes']?.get?.['x-permission']).toEqual(['quotes:read']);
    expect(doc.paths['/api/auth/me']?.get?.['x-permission']).toBe('authenticated');
    // Only records that have a timeline document one (an activity has none: it is the timeline).
    expect(doc.paths['/api/quotes/{id}/timeline']?.get).toBeDefined();
    expect(doc.paths['/api/activities/{id}/timeline']).toBeUndefined();
  });

  it('documents the success body of every /api operation that has one', () => {
    for (const { key, path, op } of operations()) {
      if (!path.startsWith('/api/')) continue;
      const [status, success] = Object.entries(op.responses)[0] ?? [];
      expect(status, key).toMatch(/^2\d\d$/);
      if (status === '204') continue;
      expect(success?.content, `${key} documents no body: add @Returns(…) next to @Get/@Post`).toBeDefined();
    }
  });

  it('describes bodies and answers with the contracts themselves', () => {
    const createLead = doc.paths['/api/leads']?.post;
    expect(createLead?.requestBody?.content['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/LeadCreate',
    });
    expect(createLead?.responses['201']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Lead',
    });
    // Requests as the client sends them (defaults optional), answers as the API produces them.
    expect(doc.components.schemas.LeadCreate).toEqual(contractJson(LeadCreateSchema, 'input'));
    expect(doc.components.schemas.Lead).toEqual(contractJson(LeadSchema, 'output'));
    expect(doc.components.schemas.LeadCreate).toMatchObject({
      required: ['fullName'],
      additionalProperties: false,
    });
  });

  it('invoice answers name their job by its number (required, null without a job)', () => {
    const schemas = doc.components.schemas as Record<string, { properties: Json; required: string[] }>;
    const nullableString = contractJson(z.string().nullable(), 'output');
    for (const name of ['Invoice', 'InvoicePage'])
      expect(JSON.stringify(schemas[name])).toContain('jobNumber');
    expect(schemas.Invoice?.properties.jobNumber).toEqual(nullableString);
    expect(schemas.Invoice?.required).toContain('jobNumber');
    expect(schemas.SupplierInvoice?.properties.jobs).toMatchObject({
      type: 'array',
      items: { properties: { number: { type: 'string' } }, required: ['id', 'number'] },
    });
    expect(schemas.SupplierInvoice?.required).toContain('jobs');
  });

  it('spells list queries out as parameters, multi-value filters and sort fields included', () => {
    const list = doc.paths['/api/leads']?.get;
    const param = (name: string) => list?.parameters.find((p) => p.name === name);
    expect(param('pageSize')?.schema).toMatchObject({ type: 'integer', maximum: 100 });
    expect(param('status')).toMatchObject({
      in: 'query',
      explode: true,
      schema: { type: 'array', items: { enum: expect.arrayContaining(['new', 'converted']) as unknown } },
    });
    expect(param('sort')?.description).toContain('fullName, company, status, priority');
    expect(doc.paths['/api/leads/{id}']?.get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/EntityId' } },
    ]);
  });

  it('states security: bearer JWT by default, errors as problem+json', () => {
    expect(doc).toMatchObject({
      security: [{ bearer: [] }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    });
    const patchLead = doc.paths['/api/leads/{id}']?.patch;
    expect(Object.keys(patchLead?.responses ?? {})).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      'default',
    ]);
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    expect(JSON.stringify(doc.components)).toContain('application/problem+json');
  });

  it('leaks no secret, configuration or hidden route', () => {
    const text = JSON.stringify(doc);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).not.toContain(api.url);
    expect(text).not.toContain('/metrics');
    expect(text).not.toContain('docs.json');
  });

  it('serves Swagger UI from the API itself under a strict CSP', async () => {
    const res = await fetch(`${api.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//); // no CDN
    // Every asset the page loads is served here (the empty `data:,` icon loads nothing).
    const links = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1] ?? '')
      .filter((link) => link !== 'data:,');
    expect(links).toHaveLength(3);
    for (const link of links) {
      const asset = await fetch(new URL(link, `${api.url}/api/docs`));
      expect(asset.status, link).toBe(200);
      expect(asset.headers.get('content-type'), link).toMatch(/^text\/(css|javascript)/);
    }
    expect((await fetch(`${api.url}/api/docs/assets/index.html`)).status).toBe(404);
    expect((await fetch(`${api.url}/api/docs/assets/..%2Fpackage.json`)).status).toBe(404);
  });
});
