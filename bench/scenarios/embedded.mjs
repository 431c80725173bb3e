// Scenario 8: the same lists and writes on the embedded database (PGlite, in the API's process)
// seeded with the same data set, to tell a user when to leave the embedded default.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { countRows, seedScale } from '../lib/dataset.mjs';
import { benchApiEnv, startApi, stopApi } from '../lib/stack.mjs';
import { lists, writes } from './data.mjs';
import { performance } from 'node:perf_hooks';

/** A PGlite directory with the demo (seeded by the API's first start) and the scaled data set. */
export async function preparePglite(ctx) {
  const dir = mkdtempSync(join(tmpdir(), 'velosi-bench-pglite-'));
  const first = await startApi({ ...benchApiEnv(ctx.idp.issuer), PGLITE_DATA_DIR: dir });
  await stopApi(first);
  const started = performance.now();
  const db = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
  try {
    const query = (text) => db.query(text);
    await seedScale(query, ctx.subs);
    return { dir, seedMs: Math.round(performance.now() - started), counts: await countRows(query) };
  } finally {
    await db.close();
  }
}

export async function embedded(ctx) {
  const api = await startApi({ ...benchApiEnv(ctx.idp.issuer), PGLITE_DATA_DIR: ctx.pgliteDir });
  try {
    const read = await lists(ctx, api.url, 'PGlite');
    const write = await writes(ctx, api.url, 'PGlite');
    return {
      id: 'embedded',
      title: '8. Embedded (PGlite) vs PostgreSQL',
      rows: [...read.rows, ...write.rows],
      notes: write.notes,
    };
  } finally {
    await stopApi(api);
  }
}
