import { Body, Controller, Get, Inject, Module, Param, Post, Query } from '@nestjs/common';
import { ApiInfoSchema, PageQuerySchema, ProblemSchema, type PageQuery } from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { Public } from '../auth/public.decorator.js';
import { ZodValidationPipe } from './validation.js';

const ProbeBodySchema = z.strictObject({ name: z.string().min(1), qty: z.number().int().positive() });
type ProbeBody = z.infer<typeof ProbeBodySchema>;

let releaseSlow: () => void = () => undefined;
const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));

/** Stands in for the business controllers to come: validated body and query, a crash, a slow query. */
// Public: these tests are about HTTP plumbing; authentication has its own tests (src/auth).
@Public()
@Controller('api/probe')
class ProbeController {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  @Post()
  create(@Body(new ZodValidationPipe(ProbeBodySchema)) body: ProbeBody): ProbeBody {
    return body;
  }
  @Get()
  list(@Query(new ZodValidationPipe(PageQuerySchema)) query: PageQuery): PageQuery {
    return query;
  }
  @Get('slow')
  async slow(): Promise<{ ok: boolean }> {
    await slowGate;
    await this.database.db.execute(sql`select 1`);
    return { ok: true };
  }
  @Get('item/:id')
  item(@Param('id') id: string): { id: string } {
    return { id };
  }
  @Get('item/:id/parts')
  parts(@Param('id') id: string): { id: string } {
    return { id };
  }
  @Get('crash')
  crash(): never {
    throw new Error('connection to 10.0.0.7 failed: password=hunter2');
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp({ PGLITE_DATA_DIR: 'memory://', WEB_DIST_DIR: '/nonexistent' }, [ProbeModule]);
});
afterAll(() => api?.close());

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  return ProblemSchema.parse(await res.json());
}

describe('health and info (PGlite)', () => {
  it('GET /health/live answers 200', async () => {
    const res = await fetch(`${api.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /health/ready answers 200 with the database up', async () => {
    const res = await fetch(`${api.url}/health/ready`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'up', identity: 'up' } });
  });

  it('GET /api/info names the app, its version and the PGlite database', async () => {
    const res = await fetch(`${api.url}/api/info`);
    expect(res.status).toBe(200);
    expect(ApiInfoSchema.parse(await res.json())).toEqual({
      name: 'Velosi ERP',
      version: '0.1.0',
      database: 'pglite',
    });
  });
});

describe('errors are RFC 9457 problems', () => {
  it('an unknown API route is a 404 problem', async () => {
    const res = await fetch(`${api.url}/api/no-such-thing`);
    expect(res.status).toBe(404);
    expect(await problemOf(res)).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404 });
  });

  it('a body failing its schema is a 400 listing each bad field, unknown fields included', async () => {
    const res = await fetch(`${api.url}/api/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ qty: -2, role: 'ADMIN' }),
    });
    expect(res.status).toBe(400);
    const body = await problemOf(res);
    expect(body.status).toBe(400);
    expect(body.errors?.map((e) => e.field).sort()).toEqual(['name', 'qty', 'role']);
    expect(body.errors?.find((e) => e.field === 'role')?.message).toBe('unknown field');
  });

  it('a valid body passes through parsed', async () => {
    const res = await fetch(`${api.url}/api/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rades', qty: 3 }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ name: 'Rades', qty: 3 });
  });

  it('a bad query is a 400 naming the parameters; a good one is coerced', async () => {
    const bad = await fetch(`${api.url}/api/probe?page=0&pageSize=500`);
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors?.map((e) => e.field).sort()).toEqual(['page', 'pageSize']);

    const good = await fetch(`${api.url}/api/probe?page=2`);
    expect(await good.json()).toEqual({ page: 2, pageSize: 20 });
  });

  it('malformed JSON is a 400 problem, not Fastify’s own error shape', async () => {
    const res = await fetch(`${api.url}/api/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).title).toBe('Bad Request');
  });

  it('what Fastify refuses before routing is a problem too: long path segment, bad URL, huge headers', async () => {
    expect((await fetch(`${api.url}/api/probe/item/short/parts`)).status).toBe(200);
    const long = await fetch(`${api.url}/api/probe/item/${'x'.repeat(300)}/parts`);
    expect(long.status).toBe(404);
    expect((await problemOf(long)).title).toBe('Not Found');
    const badUrl = await fetch(`${api.url}/api/probe/item/%E0%A4%A/parts`);
    expect(badUrl.status).toBe(400);
    await problemOf(badUrl);
    const huge = await fetch(`${api.url}/api/probe/item/a/parts`, {
      headers: { 'x-padding': 'p'.repeat(20_000) },
    });
    expect(huge.status).toBe(431);
    expect((await problemOf(huge)).title).toBe('Request Header Fields Too Large');
  });

  it('a crash is a 500 problem that leaks nothing; the log keeps the detail', async () => {
    const res = await fetch(`${api.url}/api/probe/crash`, { headers: { 'x-request-id': 'crash-1' } });
    expect(res.status).toBe(500);
    const text = await res.clone().text();
    expect(text).not.toMatch(/hunter2|10\.0\.0\.7|Error:|at /);
    expect(await problemOf(res)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
    const logged = api.logs.find((l) => l.requestId === 'crash-1' && l.msg === 'request failed');
    expect(JSON.stringify(logged)).toContain('hunter2');
  });
});

describe('request id', () => {
  it('echoes a sane x-request-id and logs the request with it', async () => {
    const res = await fetch(`${api.url}/api/info`, { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
    const line = api.logs.find((l) => l.requestId === 'trace-abc.123' && l.msg === 'request completed');
    expect(line).toMatchObject({ req: { method: 'GET', url: '/api/info' }, res: { statusCode: 200 } });
  });

  it('replaces a missing or unsafe id with a fresh UUID', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const none = await fetch(`${api.url}/health/live`);
    expect(none.headers.get('x-request-id')).toMatch(uuid);
    const unsafe = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': '{"level":60} a b' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(uuid);
    const long = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'x'.repeat(200) } });
    expect(long.headers.get('x-request-id')).toMatch(uuid);
  });

  it('is on error responses too', async () => {
    const res = await fetch(`${api.url}/api/nope`, { headers: { 'x-request-id': 'r-404' } });
    expect(res.headers.get('x-request-id')).toBe('r-404');
  });
});

// Last: it closes the shared app.
describe('graceful shutdown', () => {
  it('stops accepting, lets the in-flight request finish with the database, then closes it', async () => {
    const inFlight = fetch(`${api.url}/api/probe/slow`);
    await new Promise((r) => setTimeout(r, 200));
    const closing = api.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(api.app.getHttpServer().listening).toBe(false); // no new connections

    releaseSlow();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ ok: true });
    // Not held open by that keep-alive connection until its 72 s timeout.
    const released = performance.now();
    await closing;
    expect(performance.now() - released).toBeLessThan(10_000);
    // The database closed only after the slow request had been answered.
    const messages = api.logs.map((l) =>
      l.msg === 'request completed' ? String(l.req && JSON.stringify(l.req)) : l.msg,
    );
    const answered = messages.findIndex((m) => m?.includes('/api/probe/slow'));
    expect(answered).toBeGreaterThan(-1);
    expect(messages.indexOf('database closed')).toBeGreaterThan(answered);
  });
});
