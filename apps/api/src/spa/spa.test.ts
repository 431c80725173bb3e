import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ProblemSchema } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, UNREACHABLE_DATABASE_URL, type TestApp } from '../../test/support/test-app.js';

// The SPA needs no database: point at a closed port with migrations off so no PGlite boots.
const NO_DATABASE = { DATABASE_URL: UNREACHABLE_DATABASE_URL, MIGRATE_ON_START: 'false' };
const INDEX = '<!doctype html><title>Velosi test shell</title>';
// A bundle big enough to be worth compressing, named the way Angular's output hashing names it.
const BUNDLE = `export const lines = [${Array.from({ length: 400 }, (_, i) => `'ligne ${i}'`).join(', ')}];`;
const PRECOMPRESS = fileURLToPath(new URL('../../../web/scripts/precompress.mjs', import.meta.url));

/** GET with `accept-encoding` as given, answering the raw (still encoded) body and the headers. */
function rawGet(
  url: string,
  acceptEncoding?: string,
): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('serving the built SPA', () => {
  let api: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'velosi-web-'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    mkdirSync(path.join(dist, 'i18n'));
    writeFileSync(path.join(dist, 'i18n', 'fr.json'), '{"hello":"Bonjour"}');
    writeFileSync(path.join(dist, 'main-FD6NSE7E.js'), BUNDLE);
    // The web build's own last step, run on this folder.
    execFileSync(process.execPath, [PRECOMPRESS, dist]);
    api = await startTestApp({
      ...NO_DATABASE,
      WEB_DIST_DIR: dist,
      PUBLIC_ISSUER_URL: 'https://login.velosi.example/realms/ERP_Velosi',
      OIDC_WEB_CLIENT_ID: 'velosi_web_test',
    });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes (deep links, reloads)', async () => {
    for (const route of ['/', '/leads/42', '/quotes?status=draft']) {
      const res = await fetch(`${api.url}${route}`);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('sends the security headers: a CSP allowing only itself and the browser-facing issuer', async () => {
    for (const route of ['/', '/q/some-token', '/api/info']) {
      const res = await fetch(`${api.url}${route}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, route).toContain("default-src 'self'");
      expect(csp, route).toContain("script-src 'self';");
      expect(csp, route).toContain("connect-src 'self' https://login.velosi.example;");
      expect(csp, route).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), route).toBe('nosniff');
      // Public quote links carry their token in the URL: no Referer may carry it elsewhere.
      expect(res.headers.get('referrer-policy'), route).toBe('no-referrer');
    }
  });

  it('serves built files as they are', async () => {
    const res = await fetch(`${api.url}/i18n/fr.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: 'Bonjour' });
  });

  it('sends a hashed bundle precompressed (br, else gzip) with the immutable cache header', async () => {
    const url = `${api.url}/main-FD6NSE7E.js`;
    const br = await rawGet(url, 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(BUNDLE.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(BUNDLE);

    const gz = await rawGet(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(BUNDLE);

    const plain = await rawGet(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(BUNDLE);
  });

  it('revalidates what has no hash in its name (translations, favicon-like files, config)', async () => {
    for (const route of ['/i18n/fr.json', '/config.json']) {
      expect((await fetch(`${api.url}${route}`)).headers.get('cache-control'), route).toBe('no-cache');
    }
  });

  it('logs static files at debug and API calls at info', async () => {
    await fetch(`${api.url}/main-FD6NSE7E.js`);
    await fetch(`${api.url}/api/info`);
    const completed = (suffix: string) =>
      api.logs.find((l) => l.msg === 'request completed' && JSON.stringify(l.req).includes(suffix));
    expect(completed('main-FD6NSE7E.js')?.level).toBe(20);
    expect(completed('/api/info')?.level).toBe(30);
  });

  it('answers a missing asset and unknown API/health routes with a 404 problem, never index.html', async () => {
    for (const route of ['/assets/missing.js', '/api/no-such-route', '/api', '/health/nope']) {
      const res = await fetch(`${api.url}${route}`);
      expect(res.status, route).toBe(404);
      expect(ProblemSchema.parse(await res.json()).status).toBe(404);
    }
  });

  it('GET /config.json is built from the environment', async () => {
    const res = await fetch(`${api.url}/config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.json()).toEqual({
      apiUrl: '',
      issuerUrl: 'https://login.velosi.example/realms/ERP_Velosi',
      clientId: 'velosi_web_test',
    });
  });
});

describe('when the SPA is not built', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ ...NO_DATABASE, WEB_DIST_DIR: path.join(tmpdir(), 'velosi-no-such-dist') });
  });
  afterAll(() => api?.close());

  it('/ answers a short "SPA not built" problem and the API still works', async () => {
    const res = await fetch(`${api.url}/`);
    expect(res.status).toBe(503);
    expect(ProblemSchema.parse(await res.json())).toMatchObject({ title: 'SPA not built', status: 503 });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });

  it('/config.json gives the browser the issuer the API trusts when PUBLIC_ISSUER_URL is unset', async () => {
    const body = (await (await fetch(`${api.url}/config.json`)).json()) as { issuerUrl: string };
    expect(body.issuerUrl).toBe(inject('identityIssuer')); // OIDC_ISSUER_URL set by startTestApp
  });
});
