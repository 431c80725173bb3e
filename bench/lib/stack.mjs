// What every load run needs: the dev IdP (in the bench process, idle during the runs), the BUILT API
// in its own process (so autocannon does not share its event loop), a logged-in user, and one
// autocannon run reduced to a table row. Build first: npm run build -w apps/idp -w apps/api.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { freePort, waitForHttp } from '../../scripts/lib/processes.mjs';
import { API_NODE_FLAGS } from '../../scripts/lib/stack.mjs';
import { performance } from 'node:perf_hooks';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
// A fresh client secret per run: the production-mode API refuses the dev realm's default one.
const SECRET = randomBytes(18).toString('base64url');
export const DURATION = Number(process.env.BENCH_DURATION ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

// LOG_LEVEL=warn hides "Server listening", so readiness is polled instead of read from the log.
// Only PATH is inherited: a developer's DATABASE_URL or REDIS_URL must not reach the measured API.
// `readyMs` is spawn → first 200 from /health/ready (polled every 50 ms).
export async function startApi(env) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, 'dist/main.js'], {
    cwd: join(REPO, 'apps/api'),
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health/ready`, { timeoutMs: 120_000, child, intervalMs: 50 });
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return { child, url, readyMs: Math.round(performance.now() - started) };
}

/** Stops a process started by startApi and waits for its exit. */
export async function stopApi(api) {
  api.child.kill('SIGTERM');
  await api.child.exited;
}

/** Resident memory of a process, MiB (Linux /proc). */
export async function rssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 102.4) / 10;
}

/**
 * What every measured API gets: the bench IdP, no SPA, LOG_LEVEL=warn (per-request logging would
 * blur what is measured) and request budgets lifted (one load generator is one address and one
 * user: the budgets would measure themselves).
 */
export function benchApiEnv(issuer) {
  return {
    OIDC_ISSUER_URL: issuer,
    OIDC_AUTH_CLIENT_SECRET: SECRET,
    WEB_DIST_DIR: '/nonexistent',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    API_IP_RATE_LIMIT: '9999999/1',
    API_USER_RATE_LIMIT: '9999999/1',
    API_DOCUMENT_RATE_LIMIT: '9999999/1',
    PUBLIC_LINK_RATE_LIMIT: '9999999/1',
  };
}

/** Starts the dev IdP in this process (idle during the runs: tokens are verified locally). */
export async function startBenchIdp() {
  const dataDir = await mkdtemp(join(tmpdir(), 'velosi-bench-idp-'));
  // Imported here, not at the top: run.mjs builds a missing IdP before any stack starts.
  const { startIdp } = await import('../../apps/idp/dist/server.js');
  const idp = await startIdp({
    dataDir,
    realmFile: join(REPO, 'deploy/keycloak/realm-ERP_Velosi.json'),
    usersFile: join(REPO, 'deploy/keycloak/dev/ERP_Velosi-users-0.json'),
    port: 0,
    env: { VELOSI_WEB_URL: 'http://localhost:3000', VELOSI_AUTH_CLIENT_SECRET: SECRET },
  });
  return {
    issuer: idp.issuer,
    secret: SECRET,
    close: async () => {
      await idp.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts IdP + API (`apiEnv` adds to the defaults: PGlite in memory, no SPA, LOG_LEVEL=warn so
 * per-request logging does not blur what is measured), runs `body(stack)`, stops everything.
 */
export async function withStack(apiEnv, body) {
  const idp = await startBenchIdp();
  const api = await startApi({
    ...benchApiEnv(idp.issuer),
    PGLITE_DATA_DIR: 'memory://',
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
  }
}

/** Seeds the demo into `databaseUrl` with the API's own seed entry point (the built API). */
export async function seedDemo(databaseUrl, issuer, secret) {
  // Asynchronous: the IdP answering the seeder's Admin API calls runs in this process.
  await promisify(execFile)(process.execPath, [join(REPO, 'apps/api/dist/demo/seed-demo.js')], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      OIDC_ISSUER_URL: issuer,
      OIDC_AUTH_CLIENT_SECRET: secret,
      LOG_LEVEL: 'warn',
    },
  });
}

/**
 * `withStack` on the seeded demo: PGlite in a throw-away directory (the API seeds an empty embedded
 * database at start), or BENCH_DATABASE_URL (an empty PostgreSQL database), seeded first.
 */
export async function withDemoStack(body) {
  const database = process.env.BENCH_DATABASE_URL;
  const pgliteDir = database ? null : await mkdtemp(join(tmpdir(), 'velosi-bench-pglite-'));
  const apiEnv = database ? { DATABASE_URL: database } : { PGLITE_DATA_DIR: pgliteDir };
  try {
    return await withStack(apiEnv, async (stack) => {
      if (database) await seedDemo(database, stack.issuer, stack.secret);
      return body(stack);
    });
  } finally {
    if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
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

/**
 * One measured autocannon run with any of its options (method, body, connections, duration…);
 * like `measure`, any failed request fails the run.
 */
export async function load(title, options) {
  const result = await autocannon({ duration: DURATION, connections: CONNECTIONS, ...options });
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0) {
    // One request by hand says why (status and the start of the problem+json).
    const probe = await fetch(options.url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
    });
    const why = `${probe.status} ${(await probe.text()).slice(0, 300)}`;
    throw new Error(
      `${title}: ${failures} failed requests of ${result.requests.total}; one more answered ${why}`,
    );
  }
  return {
    title,
    connections: options.connections ?? CONNECTIONS,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

/** The `sub` claim of a bearer header built by `bearer`. */
export function subOf(auth) {
  const payload = auth.authorization.split('.')[1];
  return JSON.parse(Buffer.from(payload, 'base64url').toString()).sub;
}

/**
 * Bearer header from the IdP itself (password grant of the API's confidential client, as
 * `POST /api/auth/login` does), so tokens can be renewed while no API is running: an access
 * token lives 5 minutes, a full bench run is longer.
 */
export async function idpBearer(idp, username, password) {
  const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'velosi_auth',
      client_secret: idp.secret,
      username,
      password,
      scope: 'openid',
    }).toString(),
  });
  if (response.status !== 200) throw new Error(`IdP login of ${username} failed: ${response.status}`);
  const { access_token: token } = await response.json();
  return { authorization: `Bearer ${token}` };
}
