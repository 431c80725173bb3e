// Scenario 6: cold start to /health/ready (median of 5) and resident memory idle and under load,
// on PostgreSQL and on PGlite; the dev IdP's start; `npm start` from a built tree to a usable SPA.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, waitForHttp } from '../../scripts/lib/processes.mjs';
import { DURATION, REPO, benchApiEnv, rssMiB, startApi, stopApi } from '../lib/stack.mjs';
import { performance } from 'node:perf_hooks';

const STARTS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Five cold starts of `env`; the last instance is measured idle (5 s after ready) and under load. */
async function startAndMemory(ctx, label, env) {
  const times = [];
  let api;
  for (let i = 0; i < STARTS; i += 1) {
    if (api) await stopApi(api);
    api = await startApi({ ...benchApiEnv(ctx.idp.issuer), ...env });
    times.push(api.readyMs);
  }
  try {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const idle = await rssMiB(api.child.pid);
    let peak = idle;
    const sampler = setInterval(() => rssMiB(api.child.pid).then((v) => (peak = Math.max(peak, v))), 250);
    await autocannon({
      url: `${api.url}/api/quotes?status=sent&sort=validUntil:desc&pageSize=50`,
      headers: ctx.auth.admin,
      connections: 50,
      duration: DURATION,
    });
    clearInterval(sampler);
    return {
      title: label,
      coldStartMs: median(times),
      starts: times.join(' '),
      rssIdleMiB: idle,
      rssLoadMiB: peak,
    };
  } finally {
    await stopApi(api);
  }
}

/** Time from spawning the dev IdP to its discovery document. */
async function idpStart() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'velosi-bench-idp-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: join(REPO, 'apps/idp'),
    env: {
      PATH: process.env.PATH,
      IDP_PORT: String(port),
      PORT: String(port),
      VELOSI_DATA_DIR: dataDir,
      IDP_DATA_DIR: dataDir,
    },
    stdio: 'ignore',
  });
  child.exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await waitForHttp(`http://localhost:${port}/realms/ERP_Velosi/.well-known/openid-configuration`, {
      child,
      intervalMs: 50,
    });
    return Math.round(performance.now() - started);
  } finally {
    child.kill('SIGTERM');
    await child.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm start` (scripts/start.mjs) on a fresh data directory, to the SPA's index and readiness. */
export async function npmStart(body) {
  const port = await freePort();
  const idpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'velosi-bench-start-'));
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    IDP_PORT: String(idpPort),
    VELOSI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO, 'scripts/start.mjs')], {
    cwd: REPO,
    env,
    stdio: 'ignore',
  });
  child.exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://localhost:${port}`;
  try {
    await waitForHttp(`${base}/health/ready`, { child, timeoutMs: 180_000, intervalMs: 50 });
    await waitForHttp(`${base}/`, { child, intervalMs: 50 });
    const readyMs = Math.round(performance.now() - started);
    return await body({ base, readyMs });
  } finally {
    child.kill('SIGTERM');
    await child.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function startup(ctx) {
  const rows = [
    await startAndMemory(ctx, 'production API on PostgreSQL', {
      DATABASE_URL: ctx.pg.url,
      NODE_ENV: 'production',
      PUBLIC_WEB_URL: 'http://localhost:3000',
      MAIL_TRANSPORT: 'disabled',
    }),
  ];
  if (ctx.pgliteDir)
    rows.push(
      await startAndMemory(ctx, 'dev API on PGlite (scaled data)', { PGLITE_DATA_DIR: ctx.pgliteDir }),
    );
  const idpMs = await idpStart();
  return {
    id: 'startup',
    title: '6. Start and memory',
    rows,
    notes: [`dev IdP: ${idpMs} ms from spawn to its discovery document`],
    figures: { idpMs },
  };
}
