// Bench only: preloaded (`node --import`) into the API of the query-plan pass (scenarios/plans.mjs),
// never into a measured run. Before each SELECT the API sends, it runs the same text with the same
// parameters under EXPLAIN (ANALYZE, BUFFERS) and appends {text, plan} as a JSON line to
// BENCH_EXPLAIN_FILE, so the plans are those of the API's own queries, not of hand-copied SQL.
// Only plain SELECTs: EXPLAIN ANALYZE executes its statement, and a write must not run twice.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const out = process.env.BENCH_EXPLAIN_FILE;
// The pg the API resolves (ESM imports of a CommonJS package share its module instance).
const { Client } = createRequire(new URL('../../apps/api/package.json', import.meta.url))('pg');
const query = Client.prototype.query;

Client.prototype.query = function explainFirst(...args) {
  const [config, values] = args;
  const text = typeof config === 'string' ? config : config?.text;
  if (!out || typeof text !== 'string' || !/^\s*select\b/i.test(text)) return query.apply(this, args);
  const params = Array.isArray(values) ? values : config?.values;
  const record = (entry) => appendFileSync(out, `${JSON.stringify({ text, ...entry })}\n`);
  const explained = query.call(this, { text: `explain (analyze, buffers) ${text}`, values: params }).then(
    (result) => record({ plan: result.rows.map((row) => row['QUERY PLAN']).join('\n') }),
    (error) => record({ error: error.message }),
  );
  // node-postgres' pool calls with a callback and ignores the return value; drizzle awaits a promise.
  if (typeof args.at(-1) === 'function') {
    void explained.then(() => query.apply(this, args));
    return undefined;
  }
  return explained.then(() => query.apply(this, args));
};
