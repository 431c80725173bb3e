// Writes one benchmark run as bench/RESULTS.md (tables, machine, date, commit, targets met or
// missed) and bench/RESULTS.json (the same figures, for comparing runs).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DURATION, REPO } from './stack.mjs';

const find = (results, id) => results.scenarios.find((s) => s.id === id);
const rowOf = (results, id, pattern) => find(results, id)?.rows.find((r) => pattern.test(r.title));
const rowsOf = (results, id, pattern) => find(results, id)?.rows.filter((r) => pattern.test(r.title)) ?? [];
// A run in which no request completed has no latency: it missed whatever the target.
const answered = (row) => (row && row.requests === 0 ? Infinity : row?.p99);
const worst = (rows, key) => (rows.length ? Math.max(...rows.map((r) => r[key])) : undefined);

/** Each target of the benchmark issue: what was measured and whether it is met. */
function targets(r) {
  const fw = find(r, 'framework')?.figures ?? {};
  const start = find(r, 'startup')?.rows ?? [];
  const prod = start.find((s) => /PostgreSQL/.test(s.title));
  const dev = start.find((s) => /PGlite/.test(s.title));
  const web = find(r, 'web')?.figures ?? {};
  const list = [
    ['/health/live ≥ 0.6 × bare framework route', fw.liveOverBare, (v) => v >= 0.6, '×'],
    ['/api/auth/verify ≥ 0.8 × /health/live', fw.verifyOverLive, (v) => v >= 0.8, '×'],
    ['introspection far below local verification', fw.introspectOverLive, (v) => v < 0.5, '× /health/live'],
    [
      'list p99 < 20 ms (PostgreSQL, 50 conn.)',
      worst(rowsOf(r, 'lists-PostgreSQL', /filtered/), 'p99'),
      (v) => v < 20,
      'ms',
    ],
    [
      'global search p99 < 50 ms',
      worst(rowsOf(r, 'lists-PostgreSQL', /global search/), 'p99'),
      (v) => v < 50,
      'ms',
    ],
    ['dashboard p99 < 150 ms', worst(rowsOf(r, 'dashboard', /dashboard/), 'p99'), (v) => v < 150, 'ms'],
    ['quote creation p99 < 50 ms', rowOf(r, 'writes-PostgreSQL', /POST/)?.p99, (v) => v < 50, 'ms'],
    ['/health/live p99 < 50 ms during 200 PDFs', answered(rowOf(r, 'pdf', /during/)), (v) => v < 50, 'ms'],
    ['PDF p99 < 150 ms at 10 connections', rowOf(r, 'pdf', /^GET \/api\/quotes/)?.p99, (v) => v < 150, 'ms'],
    ['production API RSS idle < 150 MB', prod?.rssIdleMiB, (v) => v < 150, 'MiB'],
    ['production API RSS under load < 200 MB', prod?.rssLoadMiB, (v) => v < 200, 'MiB'],
    ['production API cold start < 1.5 s', prod?.coldStartMs, (v) => v < 1500, 'ms'],
    ['dev API on PGlite RSS < 400 MB', dev?.rssLoadMiB, (v) => v < 400, 'MiB (under load)'],
    ['initial JS ≤ 150 KB compressed', web.initialJsBrKiB, (v) => v * 1.024 <= 150, 'KiB brotli'],
  ];
  return list.map(([target, value, ok, unit]) => ({
    target,
    measured: value === undefined ? 'not measured' : value === Infinity ? 'no answer' : `${value} ${unit}`,
    met: value === undefined ? '—' : ok(value) ? 'met' : 'MISSED',
  }));
}

function table(rows) {
  if (!rows.length) return '';
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (v) => (v === undefined ? '' : String(v).replace(/\|/g, '\\|'));
  return [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${keys.map((k) => cell(row[k])).join(' | ')} |`),
  ].join('\n');
}

export async function writeResults(results) {
  const git = (...args) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
  // Kept when a stored run is written again (node bench/lib/report.mjs RESULTS.json).
  results.commit ??= git('rev-parse', '--short', 'HEAD');
  results.dirty ??= git('status', '--porcelain', '--untracked-files=no') !== '';
  results.machine ??= {
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtEnd: loadavg()
      .map((v) => v.toFixed(1))
      .join(' '),
    postgres: execFileSync('psql', ['--version'], { encoding: 'utf8' }).trim(),
  };
  results.targets = targets(results);
  await writeFormatted(join(REPO, 'bench/RESULTS.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`bench/run.mjs`); do not edit by hand. How to read it: `bench/README.md`.',
    '',
    `- commit \`${results.commit}\`${results.dirty ? ' (with uncommitted changes)' : ''}, ${results.startedAt} → ${results.finishedAt}`,
    `- machine: ${results.machine.cpus}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, ${results.machine.postgres}; load average at the end ${results.machine.loadAverageAtEnd}`,
    `- each measured run: ${DURATION} s of autocannon after a warm-up; latencies in ms`,
    `- data set on PostgreSQL: ${JSON.stringify(results.setup.postgres?.counts ?? {})} (seeded in ${results.setup.postgres?.seedMs} ms); on PGlite: ${JSON.stringify(results.setup.pglite?.counts ?? {})} (seeded in ${results.setup.pglite?.seedMs} ms)`,
    '',
    '## Targets',
    '',
    table(results.targets),
    '',
    ...results.scenarios.flatMap((s) => [
      `## ${s.title}`,
      '',
      table(s.rows),
      '',
      ...(s.notes ?? []).map((n) => `- ${n}`),
      '',
    ]),
  ].join('\n');
  await writeFormatted(join(REPO, 'bench/RESULTS.md'), md);
  console.log(`\nwrote bench/RESULTS.md and bench/RESULTS.json (commit ${results.commit})`);
}

// `node bench/lib/report.mjs [file]` writes RESULTS.md again from a stored RESULTS.json.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? join(REPO, 'bench/RESULTS.json');
  await writeResults(JSON.parse(await readFile(file, 'utf8')));
}

/** Writes `text` as the repository's Prettier settings format it, so `npm run lint` passes on a run. */
export async function writeFormatted(file, text) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  await writeFile(file, await prettier.format(text, { ...options, filepath: file }));
}
