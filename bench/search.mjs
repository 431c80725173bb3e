// Global search (`GET /api/search?q=`, the Ctrl+K dialog) on the seeded demo data: five queries,
// one per record type (clients, contacts, leads, opportunities, quotes), each with visibility and
// the accent/case-insensitive LIKE of common/search. As commercial1 (visibility filter on every
// query) and as admin (no filter: the most rows scanned). PGlite in a throw-away directory by
// default; BENCH_DATABASE_URL=postgres://… (an empty database) measures PostgreSQL.
//
//   npm run build -w apps/idp && npm run build -w apps/api && npx node bench/search.mjs
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, bearer, measure, printRows, warm, withStack } from './lib/stack.mjs';

const database = process.env.BENCH_DATABASE_URL;
const pgliteDir = database ? null : mkdtempSync(join(tmpdir(), 'velosi-bench-pglite-'));
const apiEnv = database ? { DATABASE_URL: database } : { PGLITE_DATA_DIR: pgliteDir };

await withStack(apiEnv, async ({ base, issuer, secret }) => {
  if (database) {
    await promisify(execFile)(process.execPath, [join(REPO, 'apps/api/dist/demo/seed-demo.js')], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: database,
        OIDC_ISSUER_URL: issuer,
        OIDC_AUTH_CLIENT_SECRET: secret,
        LOG_LEVEL: 'warn',
      },
    });
  }
  const commercial = await bearer(base, 'commercial1', 'Commercial1#2026');
  const admin = await bearer(base, 'admin', 'Admin#Velosi2026');
  const list = await fetch(`${base}/api/quotes?pageSize=1`, { headers: commercial });
  const { items } = await list.json();
  if (!items?.length) throw new Error('no demo quotes: the bench needs an empty database to seed');
  const number = items[0].number;
  const search = (q) => `${base}/api/search?q=${encodeURIComponent(q)}`;
  const routes = [
    [`commercial1 q=${number} (quote number)`, search(number), commercial],
    ['commercial1 q=export (common word)', search('export'), commercial],
    ['commercial1 q=societe tunis (2 words, accents)', search('societe tunis'), commercial],
    [`admin q=${number}`, search(number), admin],
    ['admin q=export', search('export'), admin],
  ];
  const rows = [];
  for (const [title, url, auth] of routes) {
    await warm(url, auth);
    rows.push(await measure(`GET /api/search ${title}`, url, auth));
  }
  console.log(`database: ${database ? 'postgres' : 'pglite (on disk)'}`);
  printRows(rows);
}).finally(() => pgliteDir && rmSync(pgliteDir, { recursive: true, force: true }));
