import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { AppLogger } from '../common/logger.js';
import type { DatabaseConfig } from '../config/app-config.js';
import type { Database, DatabaseHandle } from './database.types.js';
import * as schema from './schema.js';

// A pooler or server that does not answer within this time is treated as down (readiness 503)
// rather than leaving requests hanging.
const CONNECT_TIMEOUT_MS = 5_000;

export async function openDatabase(config: DatabaseConfig, logger: AppLogger): Promise<DatabaseHandle> {
  return config.kind === 'postgres' ? openPostgres(config, logger) : openPglite(config.dataDir);
}

/**
 * node-postgres pool. Safe behind a transaction pooler (PgBouncer/Supavisor transaction mode):
 * drizzle sends unnamed statements, and nothing here sets session state (no SET, no LISTEN, no
 * session advisory locks) — anything that must hold together runs inside one transaction.
 */
function openPostgres(config: { url: string; poolSize: number }, logger: AppLogger): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener an idle client dropped by the server would crash the process.
  pool.on('error', (err) => logger.warn({ err }, 'idle database connection failed'));
  const db: Database = drizzlePostgres({ client: pool, schema });
  return handle('postgres', db, () => pool.end());
}

/** PGlite: real PostgreSQL in WASM, in-process; `memory://` keeps nothing, a path persists. */
async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db: Database = drizzlePglite({ client, schema });
  return handle('pglite', db, () => client.close());
}

function handle(
  kind: DatabaseHandle['kind'],
  db: Database,
  closeClient: () => Promise<void>,
): DatabaseHandle {
  let closing: Promise<void> | undefined;
  return {
    kind,
    db,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => (closing ??= closeClient()),
  };
}
