import { operationOf, queryText, type QueryableClient } from './query-timing.js';

interface PooledClient extends QueryableClient {
  /** Set by pg-pool while the client is checked out; an error argument discards the connection. */
  release?: (error?: Error | boolean) => void;
}

/**
 * drizzle-orm's pool transaction (node_modules/drizzle-orm/node-postgres/session.js, 0.45) checks a
 * client out and sends `begin` *before* entering the try/finally that releases it. When the server
 * goes away between the checkout and `begin` — a restart, a failover — the client is never given
 * back and the pool shrinks for good: after a few outages every request waits for a connection
 * that never comes (measured by apps/api/test/security/database-faults.test.ts). The client
 * discards itself instead, so the pool reconnects; drizzle still receives the error (→ 503).
 */
export function releaseOnFailedBegin(client: PooledClient): void {
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const result = query(...args);
    // The SQL is only looked at when a query fails: nothing is added to the successful path.
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (operationOf(queryText(args[0])) === 'begin')
          client.release?.(error instanceof Error ? error : true);
      });
    }
    return result;
  };
}
