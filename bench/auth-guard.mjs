// Guard overhead: GET /api/info (public, no token work) vs GET /api/auth/verify (bearer token checked
// by the global guard; after the first request the verified-token cache answers). 10 s each,
// 10 connections, against the BUILT API in its own process (so autocannon does not share its event
// loop) and the dev IdP in this one (idle during the runs).
//
//   npm run build -w apps/idp && npm run build -w apps/api && npx node bench/auth-guard.mjs
//
// LOG_LEVEL=warn for the API: per-request logging costs the same on both routes and would only
// blur the difference being measured. Override with BENCH_LOG_LEVEL=info.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startIdp } from '../apps/idp/dist/server.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'velosi-auth-dev-secret';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// LOG_LEVEL=warn hides "Server listening", so readiness is polled instead of read from the log.
async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: join(REPO, 'apps/api'),
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 120_000; waited += 100) {
    if (exited) throw new Error('API exited before listening');
    const up = await fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('API did not start within 120 s');
}

async function run(title, url, headers = {}) {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) throw new Error(`${title}: ${failures} failed requests`);
  return {
    title,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'velosi-bench-idp-'));
const idp = await startIdp({
  dataDir,
  realmFile: join(REPO, 'deploy/keycloak/realm-ERP_Velosi.json'),
  usersFile: join(REPO, 'deploy/keycloak/dev/ERP_Velosi-users-0.json'),
  port: 0,
  env: { VELOSI_WEB_URL: 'http://localhost:3000', VELOSI_AUTH_CLIENT_SECRET: SECRET },
});
const api = await startApi({
  OIDC_ISSUER_URL: idp.issuer,
  OIDC_AUTH_CLIENT_SECRET: SECRET,
  PGLITE_DATA_DIR: 'memory://',
  WEB_DIST_DIR: '/nonexistent',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
});
try {
  const base = api.url;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'commercial1', password: 'Commercial1#2026' }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const { access_token: token } = await login.json();

  // Warm both routes (JIT, JWKS download, verified-token cache) so neither run pays for it.
  const auth = { authorization: `Bearer ${token}` };
  for (const [url, headers] of [
    [`${base}/api/info`, {}],
    [`${base}/api/auth/verify`, auth],
  ])
    await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP });

  const rows = [
    await run('GET /api/info (public)', `${base}/api/info`),
    await run('GET /api/auth/verify (bearer)', `${base}/api/auth/verify`, {
      authorization: `Bearer ${token}`,
    }),
  ];
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  console.log(`\n${DURATION} s, ${CONNECTIONS} connections, Node ${process.version}, load average ${load}`);
  console.table(rows);
  const [open, guarded] = rows;
  // The server is saturated in both runs, so 1 / throughput is its time per request.
  const overheadUs = 1e6 / guarded.reqPerSec - 1e6 / open.reqPerSec;
  console.log(
    `guard cost ≈ ${(100 * (1 - guarded.reqPerSec / open.reqPerSec)).toFixed(1)} % throughput, ` +
      `≈ ${overheadUs.toFixed(0)} µs of server time per request`,
  );
} finally {
  api.child.kill('SIGTERM');
  await idp.close();
  await rm(dataDir, { recursive: true, force: true });
}
