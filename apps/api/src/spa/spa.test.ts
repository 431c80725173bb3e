import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ProblemSchema } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, UNREACHABLE_DATABASE_URL, type TestApp } from '../../test/support/test-app.js';

// The SPA needs no database: point at a closed port with migrations off so no PGlite boots.
const NO_DATABASE = { DATABASE_URL: UNREACHABLE_DATABASE_URL, MIGRATE_ON_START: 'false' };
const INDEX = '<!doctype html><title>Velosi test shell</title>';

describe('serving the built SPA', () => {
  let api: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'velosi-web-'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    mkdirSync(path.join(dist, 'i18n'));
    writeFileSync(path.join(dist, 'i18n', 'fr.json'), '{"hello":"Bonjour"}');
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
    expect(res.headers.get('cache-control')).toBe('no-store');
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
