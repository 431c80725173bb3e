import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Transaction } from './database.types.js';

/** One thunk per result: each query starts only when called, so the caller decides when. */
export type Queries<T extends readonly unknown[]> = { readonly [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs `queries` one after the other and returns their results in the same order, as
 * `Promise.all` would. For queries sharing one client — a transaction's `tx` is one pooled
 * connection — where node-postgres only queues them (and warns: pg@9 removes that queue), and a
 * transaction pooler runs one query per client at a time anyway. The first failure stops the rest.
 */
export async function inSequence<const T extends readonly unknown[]>(queries: Queries<T>): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as unknown as T;
}

/**
 * Runs `queries` on `executor`: at once on the pool (each query has its own connection), one
 * after the other inside a transaction (one connection). For reads that serve both a GET and the
 * answer of a write.
 */
export function allOn<const T extends readonly unknown[]>(
  executor: Database | Transaction,
  queries: Queries<T>,
): Promise<T> {
  if (executor instanceof PgTransaction) return inSequence(queries);
  return Promise.all(queries.map((query) => query())) as unknown as Promise<T>;
}
