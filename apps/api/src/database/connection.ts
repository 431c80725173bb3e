import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { AppLogger } from '../common/logger.js';
import { loggableError } from './database-errors.js';
import type { DatabaseConfig } from '../config/app-config.js';
import type { Database, DatabaseHandle, PoolStats } from './database.types.js';
import { timeQueries, type QueryableClient, type QueryListener } from './query-timing.js';
import { releaseOnFailedBegin } from './release-on-failed-begin.js';
import * as schema from './schema.js';

// node-postgres applies this both to opening a connection and to waiting for a free pooled one.
// Bursts (e.g. many quote creations serialised on the yearly counter row) queue for a while
// rather than failing; readiness has its own 2 s check timeout, so a dead server still shows fast.
const CONNECT_TIMEOUT_MS = 15_000;

/** The business database could not be reached or logged into at start-up: one line, no stack. */
export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

// Connection-level failures (network, DNS, TLS, login, unknown database), as opposed to SQL errors.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ECONNRESET',
  '28P01', // invalid_password
  '28000', // invalid_authorization_specification
  '3D000', // invalid_catalog_name: the database does not exist
]);

// node-postgres raises these without a code: nobody answered within the connect timeout (a
// firewalled host), or the server (or something posing as it) hung up during the handshake.
const UNREACHABLE_MESSAGES: readonly [RegExp, string][] = [
  [/^timeout exceeded when trying to connect|connection timeout/i, 'TIMEOUT'],
  [/^Connection terminated/i, 'CONNECTION_CLOSED'],
];

function unreachableCode(e: Error): string | undefined {
  const code = (e as { code?: unknown }).code;
  const nested =
    e instanceof AggregateError ? (e.errors[0] as { code?: unknown } | undefined)?.code : undefined;
  const found = [code, nested].find((c): c is string => typeof c === 'string' && UNREACHABLE_CODES.has(c));
  return found ?? UNREACHABLE_MESSAGES.find(([pattern]) => pattern.test(e.message))?.[1];
}

/**
 * Re-throws a connection failure of `url` as a DatabaseUnreachableError naming the server and the
 * cause (never the password); any other error unchanged. Drizzle wraps driver errors in `cause`.
 */
export function explainConnectionFailure(error: unknown, url: string): unknown {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const found = unreachableCode(e);
    if (found) {
      const target = new URL(url);
      const where = `${target.hostname}:${target.port || '5432'}${target.pathname}`;
      const password = decodeURIComponent(target.password);
      const reason = (password ? e.message.replaceAll(password, '***') : e.message) || found;
      return new DatabaseUnreachableError(
        `Database unreachable at start-up: ${where} (${found}: ${reason}). Check DATABASE_URL and that the server accepts connections.`,
      );
    }
  }
  return error;
}

export async function openDatabase(config: DatabaseConfig, logger: AppLogger): Promise<DatabaseHandle> {
  return config.kind === 'postgres' ? openPostgres(config, logger) : openPglite(config.dataDir);
}

/**
 * node-postgres pool. Safe behind a transaction pooler (PgBouncer/Supavisor transaction mode):
 * drizzle sends unnamed statements, and nothing here sets session state (no SET, no LISTEN, no
 * session advisory locks) — anything that must hold together runs inside one transaction.
 */
// Each driver is imported only when chosen: production never loads PGlite, dev never loads pg.
async function openPostgres(
  config: { url: string; poolSize: number },
  logger: AppLogger,
): Promise<DatabaseHandle> {
  const [{ default: pg }, { drizzle }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ]);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener an idle client dropped by the server would crash the process.
  pool.on('error', (err) => logger.warn({ err: loggableError(err) }, 'idle database connection failed'));
  const queryListeners = new Set<QueryListener>();
  // The pool's own listener is removed while a client is checked out (inside a transaction, or
  // between two queries of one request): a server stopping then emits 'error' on the client with
  // nobody listening, which kills the process. The query in flight still rejects (→ 503).
  pool.on('connect', (client) => {
    client.on('error', (err) =>
      logger.warn({ err: loggableError(err) }, 'database connection in use failed'),
    );
    timeQueries(client as unknown as QueryableClient, queryListeners);
    releaseOnFailedBegin(client as unknown as QueryableClient);
  });
  const db: Database = drizzle({ client: pool, schema });
  return {
    ...handle('postgres', db, () => pool.end(), pool),
    onQuery: (listener) => void queryListeners.add(listener),
  };
}

/** PGlite: real PostgreSQL in WASM, in-process; `memory://` keeps nothing, a path persists. */
async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  // An optional dependency: the production image installs without it (deploy/api/Dockerfile).
  const [{ PGlite }, { drizzle }, { unaccent }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]).catch((error: unknown) => {
    throw new Error(
      'The embedded database (@electric-sql/pglite, an optional dependency) is not installed: set DATABASE_URL to a PostgreSQL database, or install without --omit=optional',
      { cause: error },
    );
  });
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // The contrib modules the search migration creates (common/search); PostgreSQL has them in contrib.
  const client = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm } });
  const db: Database = drizzle({ client, schema });
  return handle('pglite', db, () => client.close());
}

function handle(
  kind: DatabaseHandle['kind'],
  db: Database,
  closeClient: () => Promise<void>,
  pool?: PoolStats,
): DatabaseHandle {
  let closing: Promise<void> | undefined;
  return {
    kind,
    db,
    pool,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => (closing ??= closeClient()),
  };
}
