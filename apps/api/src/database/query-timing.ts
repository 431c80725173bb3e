/** Called once per query that finished (or failed): its leading SQL keyword and duration. */
export type QueryListener = (operation: string, seconds: number) => void;

// The label set stays bounded: any other leading keyword (DDL, SET, comments…) is `other`.
const OPERATIONS = new Set(['select', 'insert', 'update', 'delete', 'with', 'begin', 'commit', 'rollback']);

export function operationOf(text: string): string {
  const word = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase();
  return word && OPERATIONS.has(word) ? word : 'other';
}

export interface QueryableClient {
  query: (...args: unknown[]) => unknown;
}

/** The SQL text of node-postgres' first `query` argument (a string or a `{ text }` config). */
export function queryText(first: unknown): string {
  return String(typeof first === 'string' ? first : ((first as { text?: unknown } | null)?.text ?? ''));
}

/**
 * Times every query of a node-postgres client (called for each new pooled connection), whichever
 * way pg is called: promise (drizzle's transactions) or callback (pg-pool's own `pool.query`).
 */
export function timeQueries(client: QueryableClient, listeners: ReadonlySet<QueryListener>): void {
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const text = queryText(args[0]);
    const started = performance.now();
    const done = () => {
      const seconds = (performance.now() - started) / 1000;
      const operation = operationOf(text);
      for (const listener of listeners) listener(operation, seconds);
    };
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return (last as (...r: unknown[]) => unknown)(...results);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) result.then(done, done);
    return result;
  };
}
