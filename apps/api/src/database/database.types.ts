import type { DatabaseKind } from '@velosi/contracts';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { QueryListener } from './query-timing.js';
import type * as schema from './schema.js';

export type Schema = typeof schema;

/** The drizzle database, the same type whether PGlite or node-postgres is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** The `tx` handed to `db.transaction(async (tx) => …)`; pass it on so every write shares it. */
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** Live counters of a node-postgres pool (its own getters), read by the metrics on each scrape. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

export interface DatabaseHandle {
  readonly kind: DatabaseKind;
  readonly db: Database;
  /** The PostgreSQL pool's counters; absent on PGlite (one in-process connection, no pool). */
  readonly pool?: PoolStats;
  /** Observes every query's duration (PostgreSQL only; absent on PGlite). */
  onQuery?(listener: QueryListener): void;
  /** Resolves when the database answers `select 1`. */
  ping(): Promise<void>;
  /** Closes the pool / PGlite; safe to call more than once. */
  close(): Promise<void>;
}

/** Injection token of the DatabaseHandle. */
export const DATABASE = Symbol('DATABASE');
