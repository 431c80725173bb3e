// Runs Vitest with its JSON reporter beside the default one and returns the counts, so the test
// scripts can print one "N passed, N failed, N skipped" line over several runs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './build.mjs';
import { run } from './processes.mjs';

const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');

export async function vitestRun(label, args, env = {}) {
  const reportDir = mkdtempSync(join(tmpdir(), 'velosi-vitest-'));
  const report = join(reportDir, 'report.json');
  const child = run(
    label,
    process.execPath,
    [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { cwd: ROOT, env },
  );
  const { code } = await child.exited;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    return {
      passed: json.numPassedTests,
      // A non-zero exit without a failed test (e.g. a failing global teardown) still fails the run.
      failed: json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
  } catch {
    // No report means the run itself broke (config or setup error): count it as a failure.
    return { passed: 0, failed: 1, skipped: 0 };
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}

const line = (r) => `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;

/**
 * Counts over several runs: `add` prints "<label>: N passed, N failed, N skipped" for one run,
 * `finish` prints the overall line and exits non-zero when anything failed.
 */
export function tally() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  return {
    add(label, result) {
      console.log(`${label}: ${line(result)}`);
      for (const k of Object.keys(totals)) totals[k] += result[k];
    },
    finish() {
      console.log(line(totals));
      process.exit(totals.failed > 0 ? 1 : 0);
    },
  };
}
