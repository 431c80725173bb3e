#!/usr/bin/env node
// `npm run test:security`: the adversarial suite (apps/api/test/security, Vitest project
// "security"), then `npm audit --omit=dev`, then a table "category | cases | passed" summed from
// what each test file recorded (test/security/support/tally.ts). Non-zero exit on any failure.
// Arguments are passed to Vitest (e.g. a file filter: `npm run test:security -- role-matrix`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMissing, ROOT } from './lib/build.mjs';
import { vitestRun } from './lib/vitest-report.mjs';

const reportDir = mkdtempSync(join(tmpdir(), 'velosi-security-'));
await buildMissing({ only: ['contracts', 'api', 'idp'] });
const result = await vitestRun(
  'security',
  ['--config', 'vitest.security.config.ts', '--root', 'apps/api', ...process.argv.slice(2)],
  { SECURITY_REPORT_DIR: reportDir },
);

const rows = new Map();
for (const file of readdirSync(reportDir)) {
  const { category, cases, passed, failures } = JSON.parse(readFileSync(join(reportDir, file), 'utf8'));
  const row = rows.get(category) ?? { cases: 0, passed: 0, failures: [] };
  row.cases += cases;
  row.passed += passed;
  row.failures.push(...failures);
  rows.set(category, row);
}
rmSync(reportDir, { recursive: true, force: true });

// Dependencies shipped to production: no high or critical advisory (npm's exit code says so). A
// registry without the advisory endpoint (a mirror, an offline cache) cannot answer: that is
// reported as "not checked" and neither passes nor fails the run.
let auditOk = true;
if (process.argv.length === 2) {
  const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const output = `${audit.stdout}\n${audit.stderr}`;
  if (/audit endpoint returned an error|ENOAUDIT|\b405\b/.test(output)) {
    console.log('npm audit --omit=dev --audit-level=high: NOT CHECKED (the registry has no audit endpoint)');
  } else {
    auditOk = audit.status === 0;
    const summary = /found \d+ vulnerabilit[^\n]*|\d+ (?:\w+ )?vulnerabilit[^\n]*/.exec(output)?.[0];
    console.log(
      `npm audit --omit=dev --audit-level=high: ${auditOk ? 'ok' : 'FAILED'} (${summary ?? 'no output'})`,
    );
    if (!auditOk) console.log(output.slice(-3000));
    rows.set('npm audit (prod deps, high+)', { cases: 1, passed: auditOk ? 1 : 0, failures: [] });
  }
}

const width = Math.max(8, ...[...rows.keys()].map((k) => k.length));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`\n${pad('category', width)} | ${lpad('cases', 7)} | ${lpad('passed', 7)}`);
console.log(`${'-'.repeat(width)}-|-${'-'.repeat(7)}-|-${'-'.repeat(7)}`);
let total = 0;
let totalPassed = 0;
for (const [category, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  total += row.cases;
  totalPassed += row.passed;
  console.log(`${pad(category, width)} | ${lpad(row.cases, 7)} | ${lpad(row.passed, 7)}`);
  for (const failure of row.failures.slice(0, 5)) console.log(`${pad('', width)}   ✗ ${failure}`);
}
console.log(`${pad('total', width)} | ${lpad(total, 7)} | ${lpad(totalPassed, 7)}`);
console.log(`\nVitest: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
process.exit(result.failed > 0 || !auditOk || totalPassed !== total ? 1 : 0);
