// Scenario 2b: the query plans behind the read routes of scenarios 2 and 4. An API started with
// lib/explain-hook.mjs answers each route once per role, sequentially; every SELECT it sends is
// also run under EXPLAIN (ANALYZE, BUFFERS). The plans go to bench/PLANS.md; RESULTS.md gets one
// row per route (statements, database time, buffers, indexes used, sequential scans).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFormatted } from '../lib/report.mjs';
import { REPO, benchApiEnv, startApi, stopApi } from '../lib/stack.mjs';
import { readRoutes, readers } from './data.mjs';

const HOOK = fileURLToPath(new URL('../lib/explain-hook.mjs', import.meta.url));
const oneLine = (text, max = 700) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)} …` : flat;
};
const unique = (values) => [...new Set(values)].join(', ') || 'none';

/** Figures of the plans one request produced. */
function summarise(entries) {
  const plans = entries.map((e) => e.plan ?? '');
  const executionMs = plans.map((p) => Number(/Execution Time: ([\d.]+) ms/.exec(p)?.[1] ?? 0));
  const buffers = plans.map((p) => {
    const root = /Buffers: shared( hit=(\d+))?( read=(\d+))?/.exec(p);
    return Number(root?.[2] ?? 0) + Number(root?.[4] ?? 0);
  });
  return {
    statements: entries.length,
    dbMs: Math.round(executionMs.reduce((a, b) => a + b, 0) * 10) / 10,
    slowestMs: Math.max(0, ...executionMs),
    buffers: buffers.reduce((a, b) => a + b, 0),
    indexes: unique(
      plans.flatMap((p) =>
        [...p.matchAll(/Scan(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+)/g)].map(
          (m) => m[1] ?? m[2],
        ),
      ),
    ),
    seqScans: unique(plans.flatMap((p) => [...p.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]))),
    errors: entries.filter((e) => e.error).length,
  };
}

export async function plans(ctx) {
  const dir = mkdtempSync(join(tmpdir(), 'velosi-bench-plans-'));
  const file = join(dir, 'plans.jsonl');
  writeFileSync(file, '');
  const api = await startApi({
    ...benchApiEnv(ctx.idp.issuer),
    DATABASE_URL: ctx.pg.url,
    NODE_OPTIONS: `--import=${pathToFileURL(HOOK)}`,
    BENCH_EXPLAIN_FILE: file,
  });
  const rows = [];
  const sections = [];
  const logged = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let seen = logged().length; // the API's start-up reads are not a route's
  try {
    const { lists, dashboard } = readRoutes(ctx);
    for (const [who, headers] of readers(ctx)) {
      for (const [title, path] of [...lists, ...dashboard]) {
        const res = await fetch(`${api.url}${path}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${who} ${path}: ${res.status}`);
        const lines = logged();
        const entries = lines.slice(seen).map((line) => JSON.parse(line));
        seen = lines.length;
        rows.push({ title: `${who} ${title}`, ...summarise(entries) });
        sections.push(
          `## ${who} ${title}\n\n\`GET ${path}\`\n\n` +
            entries
              .map(
                (e, i) =>
                  `${i + 1}. \`${oneLine(e.text)}\`\n\n\`\`\`\n${e.plan ?? `error: ${e.error}`}\n\`\`\`\n`,
              )
              .join('\n'),
        );
      }
    }
  } finally {
    await stopApi(api);
    rmSync(dir, { recursive: true, force: true });
  }
  await writeFormatted(
    join(REPO, 'bench/PLANS.md'),
    `# Query plans of the benchmark's read routes\n\nWritten by \`npm run bench\` (scenarios/plans.mjs, ${new Date().toISOString()}): ` +
      'each route answered once per role on the production-scale data set, every SELECT the API sent ' +
      'also run under `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters (lib/explain-hook.mjs). ' +
      'Times are those of one request on a warm cache.\n\n' +
      sections.join('\n'),
  );
  return {
    id: 'plans',
    title: '2b. Query plans of the read routes (EXPLAIN ANALYZE, one request each; full plans in PLANS.md)',
    rows,
  };
}
