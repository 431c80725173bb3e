// Scenarios 0 and 1: what a request costs before any business logic. The bare NestJS + Fastify
// route (same framework versions, no middleware) is the ceiling; /health/live adds the API's
// per-request work (request id, logging, security headers, metrics); /api/auth/verify adds the
// guard with its verified-token cache, then without it (signature checked on every request);
// introspection at the IdP is what a per-request remote check would cost.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { freePort, waitForHttp } from '../../scripts/lib/processes.mjs';
import { REPO, benchApiEnv, load, startApi, stopApi } from '../lib/stack.mjs';

const CONNECTIONS = 50;

async function startBare() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPO, 'bench/lib/bare-server.mjs'), String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/live`, { child });
  return { child, url };
}

export async function framework(ctx) {
  const rows = [];
  const bare = await startBare();
  try {
    await load('warm-up', { url: `${bare.url}/health/live`, duration: 3, connections: CONNECTIONS });
    rows.push(
      await load('bare NestJS + Fastify GET /health/live', {
        url: `${bare.url}/health/live`,
        connections: CONNECTIONS,
      }),
    );
  } finally {
    await stopApi(bare);
  }
  const live = `${ctx.api.url}/health/live`;
  await load('warm-up', { url: live, duration: 3, connections: CONNECTIONS });
  rows.push(await load('API GET /health/live', { url: live, connections: CONNECTIONS }));
  const verify = `${ctx.api.url}/api/auth/verify`;
  const headers = ctx.auth.admin;
  await load('warm-up', { url: verify, headers, duration: 3, connections: CONNECTIONS });
  rows.push(
    await load('API GET /api/auth/verify (token cache on)', {
      url: verify,
      headers,
      connections: CONNECTIONS,
    }),
  );

  const uncached = await startApi({
    ...benchApiEnv(ctx.idp.issuer),
    DATABASE_URL: ctx.pg.url,
    AUTH_TOKEN_CACHE_SIZE: '0',
  });
  try {
    const url = `${uncached.url}/api/auth/verify`;
    await load('warm-up', { url, headers, duration: 3, connections: CONNECTIONS });
    rows.push(
      await load('API GET /api/auth/verify (token cache off)', { url, headers, connections: CONNECTIONS }),
    );
  } finally {
    await stopApi(uncached);
  }

  // The IdP runs in the bench process (like the load generator), so this is an upper bound of
  // what introspection could serve here; Keycloak itself answers from a database-backed session.
  const token = headers.authorization.slice('Bearer '.length);
  rows.push(
    await load('IdP token introspection (per-request remote check)', {
      url: `${ctx.idp.issuer}/protocol/openid-connect/token/introspect`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token,
        client_id: 'velosi_auth',
        client_secret: ctx.idp.secret,
      }).toString(),
      connections: CONNECTIONS,
    }),
  );
  const [bareRow, liveRow, verifyRow, uncachedRow, introspectRow] = rows;
  return {
    id: 'framework',
    title: '0–1. Framework ceiling and guard cost (50 connections)',
    rows,
    figures: {
      liveOverBare: ratio(liveRow, bareRow),
      verifyOverLive: ratio(verifyRow, liveRow),
      uncachedOverLive: ratio(uncachedRow, liveRow),
      introspectOverLive: ratio(introspectRow, liveRow),
    },
  };
}

export function ratio(a, b) {
  return Math.round((a.reqPerSec / b.reqPerSec) * 100) / 100;
}
