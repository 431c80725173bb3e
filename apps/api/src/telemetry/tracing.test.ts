import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnApi } from '../../test/support/services/processes.js';
import { createFreshDatabase } from '../../test/support/services/postgres.js';

interface ExportedSpan {
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}
interface TraceExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { scope: { name: string }; spans: ExportedSpan[] }[];
  }[];
}

const SERVER = 2;
const CLIENT = 3;

/** A local OTLP/HTTP receiver: what the API's exporter POSTs to /v1/traces, parsed (JSON encoding). */
function otlpReceiver(): Promise<{ server: Server; url: string; exports: TraceExport[] }> {
  const exports: TraceExport[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        exports.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as TraceExport);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, exports }),
    ),
  );
}

/** The first of `keys` the span carries (instrumentations name some attributes per semconv version). */
const attribute = (span: ExportedSpan, ...keys: string[]) => {
  const value = span.attributes.find((a) => keys.includes(a.key))?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : String(value.intValue));
};

describe('OpenTelemetry traces over OTLP/HTTP (OTEL_EXPORTER_OTLP_ENDPOINT set)', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let database: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    receiver = await otlpReceiver();
    if (process.env.DATABASE_URL)
      database = await createFreshDatabase(process.env.DATABASE_URL, 'velosi_otel');
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver?.server.close(resolve));
    await database?.drop();
  });

  it('exports the incoming request, the outgoing calls to the IdP and (on PostgreSQL) the queries', async () => {
    const api = spawnApi({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'velosi-api-test',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      ...(database ? { DATABASE_URL: database.url } : { PGLITE_DATA_DIR: 'memory://' }),
      WEB_DIST_DIR: '/nonexistent',
    });
    const url = await api.listening;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'not-a-password' }),
    });
    expect(login.status).toBe(401);
    api.child.kill('SIGTERM'); // the batch is flushed on shutdown
    expect(await api.exited).toBe(0);

    const resources = receiver.exports.flatMap((e) => e.resourceSpans);
    expect(resources.length).toBeGreaterThan(0);
    expect(resources[0]?.resource.attributes).toContainEqual({
      key: 'service.name',
      value: { stringValue: 'velosi-api-test' },
    });
    const spans = resources.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const incoming = spans.find((s) => s.kind === SERVER && s.name === 'POST /api/auth/login');
    expect(incoming && attribute(incoming, 'http.route')).toBe('/api/auth/login');
    expect(incoming && attribute(incoming, 'http.response.status_code', 'http.status_code')).toBe('401');
    const issuer = new URL(inject('identityIssuer'));
    const toIdp = spans.filter(
      (s) => s.kind === CLIENT && attribute(s, 'server.port', 'net.peer.port') === issuer.port,
    );
    const idpPaths = toIdp.map((s) => new URL(attribute(s, 'url.full', 'http.url') ?? 'http://x/').pathname);
    expect(idpPaths).toContain(`${issuer.pathname}/protocol/openid-connect/token`);
    expect(idpPaths).toContain(`${issuer.pathname}/protocol/openid-connect/certs`);
    if (database) {
      expect(
        spans.some((s) => s.kind === CLIENT && attribute(s, 'db.system.name', 'db.system') === 'postgresql'),
      ).toBe(true);
    }
  }, 120_000);
});
