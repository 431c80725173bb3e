import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { LeadSchema } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';
import { PRODUCTION_ENV, startTestApp, type TestApp } from '../../test/support/test-app.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { metricsAccessFrom, metricsVerdict } from './metrics-access.js';
import { issuedInvoice, paid, pay } from '../../test/support/records/payments.js';
import { createClient } from '../../test/support/records/quotes.js';

const TOKEN = 'metrics-test-token-0123456789abcdef';

/** `name{labels} value` lines of a Prometheus text exposition, comments left out. */
function samples(text: string): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

function scrape(api: TestApp, authorization?: string): Promise<Response> {
  return fetch(`${api.url}/metrics`, { headers: authorization ? { authorization } : {} });
}

describe.each(DATABASES)('GET /metrics on %s (development: open)', (target) => {
  let sales: SalesApi;
  beforeAll(async () => {
    sales = await startSalesApi(target);
  });
  afterAll(() => sales?.close());

  it('answers the Prometheus text format with process metrics', async () => {
    const res = await scrape(sales.api);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    // Every sample is `name{label="value",…} number`: what Prometheus's parser accepts.
    for (const line of samples(text)) {
      expect(line).toMatch(
        /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_]\w*="(?:[^"\\]|\\.)*",?)*\})? [-+\d.eEInfNa]+$/,
      );
    }
  });

  it('counts a record read under its route pattern, never under the raw URL', async () => {
    const created = await sales.as.commercial1.post('/api/leads', { fullName: 'Metrics Probe' });
    const lead = LeadSchema.parse(created.body);
    expect((await sales.as.commercial1.get(`/api/leads/${lead.id}`)).status).toBe(200);
    const unknown = randomUUID();
    expect((await sales.as.commercial1.get(`/api/leads/${unknown}`)).status).toBe(404);
    expect((await fetch(`${sales.api.url}/api/nowhere/${unknown}`)).status).toBe(404);

    const text = await (await scrape(sales.api)).text();
    const route = (status: number) =>
      `http_request_duration_seconds_count{method="GET",route="/api/leads/:id",status_code="${status}"} 1`;
    expect(samples(text)).toContain(route(200));
    expect(samples(text)).toContain(route(404));
    expect(samples(text)).toContain(
      'http_request_duration_seconds_count{method="POST",route="/api/leads",status_code="201"} 1',
    );
    // A URL no route matched is one bounded label, whatever its path.
    expect(text).toContain('route="unmatched",status_code="404"');
    expect(text).not.toContain(lead.id);
    expect(text).not.toContain(unknown);
  });

  it('counts refused authentications by reason and audited business writes by entity and action', async () => {
    const before = samples(await (await scrape(sales.api)).text());
    const count = (lines: string[], name: string) =>
      Number(lines.find((l) => l.startsWith(`${name} `))?.split(' ')[1] ?? 0);
    expect((await fetch(`${sales.api.url}/api/leads`)).status).toBe(401);
    const forged = { authorization: 'Bearer aaa.bbb.ccc' };
    expect((await fetch(`${sales.api.url}/api/leads`, { headers: forged })).status).toBe(401);
    const login = await fetch(`${sales.api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'commercial1', password: 'wrong-password' }),
    });
    expect(login.status).toBe(401);
    expect((await sales.as.commercial1.get('/api/admin/users')).status).toBe(403);
    expect((await sales.as.commercial1.post('/api/leads', { fullName: 'Counted Lead' })).status).toBe(201);

    const after = samples(await (await scrape(sales.api)).text());
    for (const reason of ['missing_token', 'invalid_token', 'bad_credentials', 'forbidden']) {
      const name = `velosi_auth_failures_total{reason="${reason}"}`;
      expect(count(after, name) - count(before, name), reason).toBe(1);
    }
    const created = 'velosi_business_events_total{entity="lead",action="create"}';
    expect(count(after, created) - count(before, created)).toBe(1);
  });

  it('counts invoices issued and payments recorded (failed attempts not counted)', async () => {
    const count = async (entity: string, action: string) => {
      const name = `velosi_business_events_total{entity="${entity}",action="${action}"}`;
      const line = samples(await (await scrape(sales.api)).text()).find((l) => l.startsWith(`${name} `));
      return Number(line?.split(' ')[1] ?? 0);
    };
    const before = { issued: await count('invoice', 'issue'), paid: await count('payment', 'create') };
    const clientId = (await createClient(sales.as.commercial1, 'Metrics Client')).id;
    const invoice = await issuedInvoice(sales.as.finance1, clientId);
    await paid(pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '100.000' }]));
    // Refused (more than the invoice's open amount): nothing recorded, nothing counted.
    const refused = await pay(sales.as.finance1, clientId, [{ invoiceId: invoice.id, amount: '99999.000' }]);
    expect(refused.status).toBe(400);
    expect(await count('invoice', 'issue')).toBe(before.issued + 1);
    expect(await count('payment', 'create')).toBe(before.paid + 1);
  });

  it(
    target === 'postgres'
      ? 'times PostgreSQL queries by leading keyword'
      : 'has no query histogram on PGlite (only the pool is timed)',
    async () => {
      const lines = samples(await (await scrape(sales.api)).text());
      const selects = lines.find((l) =>
        l.startsWith('velosi_db_query_duration_seconds_count{operation="select"} '),
      );
      if (target === 'postgres') expect(Number(selects?.split(' ')[1])).toBeGreaterThan(0);
      else expect(lines.some((l) => l.startsWith('velosi_db_query_duration_seconds'))).toBe(false);
    },
  );

  it(
    target === 'postgres'
      ? 'reports the PostgreSQL pool: connections by state and waiting clients'
      : 'has no pool gauges on PGlite (no pool)',
    async () => {
      const lines = samples(await (await scrape(sales.api)).text());
      if (target === 'postgres') {
        expect(lines).toContain('velosi_db_pool_waiting_clients 0');
        expect(lines.some((l) => /^velosi_db_pool_connections\{state="idle"\} [1-9]/.test(l))).toBe(true);
        expect(lines.some((l) => l.startsWith('velosi_db_pool_connections{state="in_use"} '))).toBe(true);
      } else {
        expect(lines.some((l) => l.startsWith('velosi_db_pool_'))).toBe(false);
      }
    },
  );
});

describe('GET /metrics in production without METRICS_TOKEN', () => {
  let api: TestApp;
  let webDir: string;
  beforeAll(async () => {
    // A built SPA is present, so a 404 that fell through to it would answer index.html with 200.
    webDir = await mkdtemp(path.join(tmpdir(), 'velosi-metrics-web-'));
    await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>SPA</title>');
    api = await startTestApp({ ...PRODUCTION_ENV, WEB_DIST_DIR: webDir });
  });
  afterAll(async () => {
    await api?.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it('is disabled: 404 problem, with or without a bearer, never the SPA', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}`]) {
      const res = await scrape(api, authorization);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.text()).not.toContain('http_request_duration_seconds');
    }
  });
});

describe('GET /metrics with METRICS_TOKEN (production)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ ...PRODUCTION_ENV, METRICS_TOKEN: TOKEN, WEB_DIST_DIR: '/nonexistent' });
  });
  afterAll(() => api?.close());

  it('401 without a bearer token, with a challenge', async () => {
    const res = await scrape(api);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('401 with a wrong token, a longer or shorter one, or the token under another scheme', async () => {
    for (const authorization of [
      'Bearer wrong-token-0123456789abcdef',
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      TOKEN,
    ]) {
      const res = await scrape(api, authorization);
      expect(res.status, authorization).toBe(401);
      expect(await res.text()).not.toContain(TOKEN);
    }
  });

  it('200 with the right bearer token', async () => {
    const res = await scrape(api, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('http_request_duration_seconds_count{method="GET",route="/metrics"');
  });
});

describe('metrics access rules', () => {
  const access = (nodeEnv: 'development' | 'test' | 'production', token?: string) =>
    metricsAccessFrom({ nodeEnv, metrics: { token } });

  it('open in development and test without a token, disabled in production', () => {
    expect(metricsVerdict(access('development'), undefined)).toBe('allowed');
    expect(metricsVerdict(access('test'), 'Bearer anything')).toBe('allowed');
    expect(metricsVerdict(access('production'), `Bearer ${TOKEN}`)).toBe('disabled');
  });

  it('a token applies in every environment; the scheme is case-insensitive as in RFC 9110', () => {
    expect(metricsVerdict(access('development', TOKEN), undefined)).toBe('unauthorized');
    expect(metricsVerdict(access('development', TOKEN), `bearer ${TOKEN}`)).toBe('allowed');
    expect(metricsVerdict(access('production', TOKEN), `Bearer  ${TOKEN}`)).toBe('unauthorized');
  });

  it('METRICS_TOKEN is validated without ever echoing its value', () => {
    const tooShort = 'short-secret';
    expect(() => loadConfig({ METRICS_TOKEN: tooShort })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS_TOKEN: tooShort })).toThrow(/METRICS_TOKEN: expected at least 16/);
    expect(() => loadConfig({ METRICS_TOKEN: tooShort })).not.toThrow(new RegExp(tooShort));
    expect(() => loadConfig({ METRICS_TOKEN: 'has a space in it, sixteen+' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metrics.token).toBe(TOKEN);
    expect(loadConfig({}).metrics.token).toBeUndefined();
  });
});
