#!/usr/bin/env node
// `npm test`: builds what the suites need, runs every workspace's unit/integration tests (Vitest
// projects; integration tests also hit real PostgreSQL when DATABASE_URL is set), then the browser
// e2e suite against the stack started by `npm start`. Ends with one plain summary line
// "N passed, N failed, N skipped" and a non-zero exit code on any failure.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMissing, ROOT } from './lib/build.mjs';
import { run } from './lib/processes.mjs';

const skipE2e = process.argv.includes('--no-e2e') || process.env.VELOSI_SKIP_E2E === '1';
const reportDir = mkdtempSync(join(tmpdir(), 'velosi-test-'));
const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');

async function vitestRun(label, args) {
  const report = join(reportDir, `${label}.json`);
  const child = run(
    label,
    process.execPath,
    [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      cwd: ROOT,
    },
  );
  const { code } = await child.exited;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    return {
      passed: json.numPassedTests,
      failed: json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
  } catch {
    // No report means the run itself broke (config or setup error): count it as a failure.
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (r, label) => {
  console.log(`${label}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  for (const k of Object.keys(totals)) totals[k] += r[k];
};

await buildMissing();
add(await vitestRun('unit', []), 'Unit and integration tests');
if (!skipE2e) add(await vitestRun('e2e', ['--root', 'e2e']), 'Browser e2e tests');
rmSync(reportDir, { recursive: true, force: true });

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
