// What every load run needs: the dev IdP (in the bench process, idle during the runs), the BUILT API
// in its own process (so autocannon does not share its event loop), a logged-in user, and one
// autocannon run reduced to a table row. Build first: npm run build -w apps/idp -w apps/api.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startIdp } from '../../apps/idp/dist/server.js';
import { freePort, waitForHttp } from '../../scripts/lib/processes.mjs';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'velosi-auth-dev-secret';
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

// LOG_LEVEL=warn hides "Server listening", so readiness is polled instead of read from the log.
// Only PATH is inherited: a developer's DATABASE_URL or REDIS_URL must not reach the measured API.
async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: join(REPO, 'apps/api'),
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health/ready`, { timeoutMs: 120_000, child });
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return { child, url };
}

/**
 * Starts IdP + API (`apiEnv` adds to the defaults: PGlite in memory, no SPA, LOG_LEVEL=warn so
 * per-request logging does not blur what is measured), runs `body(stack)`, stops everything.
 */
export async function withStack(apiEnv, body) {
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
    // One load generator is one address and one user: the request budgets would measure themselves.
    API_IP_RATE_LIMIT: '10000000/60',
    API_USER_RATE_LIMIT: '10000000/60',
    API_DOCUMENT_RATE_LIMIT: '10000000/60',
    PUBLIC_LINK_RATE_LIMIT: '10000000/60',
    ...apiEnv,
  }).catch(async (error) => {
    await idp.close();
    throw error;
  });
  try {
    return await body({ base: api.url, issuer: idp.issuer, secret: SECRET });
  } finally {
    api.child.kill('SIGTERM');
    await idp.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Logs in through the API (password grant) and answers the bearer header. */
export async function bearer(base, username, password) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const { access_token: token } = await login.json();
  return { authorization: `Bearer ${token}` };
}

/** Warm-up run (JIT, caches), not reported. */
export async function warm(url, headers = {}, connections = CONNECTIONS) {
  await autocannon({ url, headers, connections, duration: WARMUP });
}

/** One measured run; any non-2xx, error or timeout fails the whole bench. */
export async function measure(title, url, headers = {}, connections = CONNECTIONS) {
  const result = await autocannon({ url, headers, connections, duration: DURATION });
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

export function printRows(rows, connections = CONNECTIONS) {
  const load = loadavg()[0].toFixed(1);
  console.log(`\n${DURATION} s, ${connections} connections, Node ${process.version}, load average ${load}`);
  console.table(rows);
}
