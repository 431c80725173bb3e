#!/usr/bin/env node
// `npm test`: builds what the suites need, runs every workspace's unit/integration tests (Vitest
// projects; integration tests also hit real PostgreSQL when DATABASE_URL is set), then the browser
// e2e suite against the stack started by `npm start`. Ends with one plain summary line
// "N passed, N failed, N skipped" and a non-zero exit code on any failure.
import { buildMissing } from './lib/build.mjs';
import { tally, vitestRun } from './lib/vitest-report.mjs';

const skipE2e = process.argv.includes('--no-e2e') || process.env.VELOSI_SKIP_E2E === '1';

const counts = tally();
await buildMissing();
counts.add('Unit and integration tests', await vitestRun('unit', []));
if (!skipE2e) counts.add('Browser e2e tests', await vitestRun('e2e', ['--root', 'e2e']));
counts.finish();
