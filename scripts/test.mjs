#!/usr/bin/env node
// `npm test`: builds what the suites need, runs every workspace's unit/integration tests (Vitest
// projects; integration tests also hit real PostgreSQL when DATABASE_URL is set), then the browser
// e2e suite against the stack started by `npm start`. Ends with one plain summary line
// "N passed, N failed, N skipped" and a non-zero exit code on any failure.
import { buildMissing } from './lib/build.mjs';
import { vitestRun } from './lib/vitest-report.mjs';

const skipE2e = process.argv.includes('--no-e2e') || process.env.VELOSI_SKIP_E2E === '1';

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (r, label) => {
  console.log(`${label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += r[k];
};

await buildMissing();
add(await vitestRun('unit', []), 'Unit and integration tests');
if (!skipE2e) add(await vitestRun('e2e', ['--root', 'e2e']), 'Browser e2e tests');

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
