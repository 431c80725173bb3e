#!/usr/bin/env node
// `npm run bench`: every scenario of the benchmark suite in one run, on real PostgreSQL with the
// production-scale data set (lib/dataset.mjs), then on PGlite; writes bench/RESULTS.md and
// bench/RESULTS.json. Needs the built API, IdP and SPA (npm run build) and PostgreSQL at
// BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh database is
// created there and dropped at the end. BENCH_SCENARIOS=framework,lists,… runs a subset.
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { countRows, seedScale } from './lib/dataset.mjs';
import { writeResults } from './lib/report.mjs';
import { buildMissing } from '../scripts/lib/build.mjs';
import { demoLogins } from '../scripts/lib/stack.mjs';
import { benchApiEnv, idpBearer, seedDemo, startApi, startBenchIdp, stopApi, subOf } from './lib/stack.mjs';
import { dashboard, lists, writes } from './scenarios/data.mjs';
import { embedded, preparePglite } from './scenarios/embedded.mjs';
import { framework } from './scenarios/framework.mjs';
import { pdf } from './scenarios/pdf.mjs';
import { plans } from './scenarios/plans.mjs';
import { startup, npmStart } from './scenarios/start.mjs';
import { browserTimings, initialAssets } from './scenarios/web.mjs';
import { performance } from 'node:perf_hooks';

// The dev realm overlay's demo users (the file the bench IdP imports).
const DEMO = demoLogins();
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.env.BENCH_SCENARIOS?.split(',');
const wanted = (name) => !only || only.includes(name);
// The id lib/dataset.mjs gives a scaled row: md5 shaped as a version-4 UUID.
const uuidOf = (text) => {
  const h = createHash('md5').update(text).digest('hex');
  const v4 = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return v4.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
};

async function admin(sql) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await buildMissing();
const results = { startedAt: new Date().toISOString(), scenarios: [], setup: {} };
const dbName = `velosi_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(SERVER), { pathname: `/${dbName}` }).toString();
const idp = await startBenchIdp();
const pgClient = new pg.Client({ connectionString: dbUrl });
let api;
let pgliteDir;
try {
  await admin(`create database ${dbName}`);
  api = await startApi({ ...benchApiEnv(idp.issuer), DATABASE_URL: dbUrl });
  await seedDemo(dbUrl, idp.issuer, idp.secret);
  // Tokens from the IdP (as POST /api/auth/login gets them), renewed before each scenario.
  const freshAuth = async () => ({
    admin: await idpBearer(idp, 'admin', DEMO.admin),
    commercial: await idpBearer(idp, 'commercial1', DEMO.commercial1),
  });
  const auth = await freshAuth();
  const subs = [subOf(auth.commercial), subOf(await idpBearer(idp, 'commercial2', DEMO.commercial2))];
  await pgClient.connect();
  const query = (text) => pgClient.query(text);
  let started = performance.now();
  await seedScale(query, subs);
  results.setup.postgres = {
    seedMs: Math.round(performance.now() - started),
    counts: await countRows(query),
  };
  console.log('seeded PostgreSQL', results.setup.postgres);

  const listed = await (
    await fetch(`${api.url}/api/quotes?pageSize=1&q=bench`, { headers: auth.commercial })
  ).json();
  const demo = await (
    await fetch(`${api.url}/api/quotes?pageSize=1&sort=number:asc`, { headers: auth.admin })
  ).json();
  const ctx = {
    idp,
    api,
    auth,
    subs,
    pg: { url: dbUrl, query },
    // The first scaled client belongs to commercial1 (lib/dataset.mjs: owner 1 + g % 30).
    commercialClientId: uuidOf('client-30'),
    quoteId: demo.items[0].id,
    quoteNumber: listed.items[0]?.number ?? demo.items[0].number,
    hasDashboard: (await fetch(`${api.url}/api/dashboard`, { headers: auth.admin })).status !== 404,
  };
  const run = async (name, scenario) => {
    if (!wanted(name)) return;
    // Fresh tokens for every scenario (they expire after 5 minutes).
    ctx.auth = await freshAuth();
    console.log(`\n--- ${name} (${new Date().toISOString().slice(11, 19)})`);
    try {
      const result = await scenario();
      results.scenarios.push(result);
      console.table(result.rows);
    } catch (error) {
      console.error(`${name} failed:`, error);
      results.scenarios.push({ id: name, title: name, rows: [], notes: [`failed: ${error.message}`] });
    }
  };
  await run('framework', () => framework(ctx));
  await run('lists', () => lists(ctx));
  await run('plans', () => plans(ctx));
  await run('writes', () => writes(ctx));
  await run('dashboard', () => dashboard(ctx));
  await run('pdf', () => pdf(ctx));
  await stopApi(api);
  api = undefined;
  if (wanted('embedded') || wanted('startup')) {
    started = performance.now();
    const prepared = await preparePglite(ctx);
    ctx.pgliteDir = pgliteDir = prepared.dir;
    results.setup.pglite = { seedMs: prepared.seedMs, counts: prepared.counts };
    console.log('seeded PGlite', results.setup.pglite);
  }
  await run('startup', () => startup(ctx));
  await run('embedded', () => embedded(ctx));
  await run('web', async () => {
    const assets = await initialAssets();
    const browser = await npmStart(({ base, readyMs }) =>
      browserTimings(base, 'commercial1', DEMO.commercial1).then((t) => ({ ...t, npmStartMs: readyMs })),
    );
    return {
      id: 'web',
      title: '7. Web',
      rows: [{ title: 'initial assets', ...assets }, ...browser.sections],
      figures: { ...assets, ...browser, sections: undefined },
      notes: [
        `npm start (built tree, fresh data directory, demo seeded) to a served SPA: ${browser.npmStartMs} ms`,
        `login click → dashboard shown and network idle: ${browser.loginToDashboardMs} ms (first load JS transferred ${browser.firstLoadJsKiB} KiB)`,
      ],
    };
  });
} finally {
  if (api) await stopApi(api);
  await pgClient.end().catch(() => {});
  await idp.close();
  if (!process.env.BENCH_KEEP) {
    await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  }
}
results.finishedAt = new Date().toISOString();
await writeResults(results);
