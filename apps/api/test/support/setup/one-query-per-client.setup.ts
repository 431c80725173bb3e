import pg from 'pg';
import { afterAll, afterEach } from 'vitest';

/**
 * Fails the test during which a query was sent to a PostgreSQL client that was still running
 * another one — typically `Promise.all` over queries on a transaction's `tx`, which is one pooled
 * client. node-postgres queues them and warns "Calling client.query() when the client is already
 * executing a query is deprecated and will be removed in pg@9.0" (node_modules/pg/lib/client.js);
 * pg@9 removes that queue, and behind a transaction pooler a client runs one query at a time anyway.
 *
 * pg's own warning is emitted once per process and only from the third query in flight, so it
 * cannot be the guard on its own: every `Client.prototype.query` is counted here, per client, and
 * a second one in flight is recorded with its stack. The warning is recorded too, in case a query
 * reaches pg by another way. Only the PostgreSQL runs (DATABASE_URL) have pg clients (PGlite has
 * none), and only in this process: the APIs some tests start as child processes are not watched.
 */

const STATE = Symbol.for('velosi.test.oneQueryPerClient');

interface GuardState {
  /** What went wrong since the last check, each with the stack of the offending call. */
  readonly violations: Error[];
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
type Callback = (...results: unknown[]) => unknown;

// The setup file runs again for each test file in a worker that already loaded pg: patch once.
const holder = globalThis as { [STATE]?: GuardState };
const state = (holder[STATE] ??= install());
state.violations.length = 0;

function install(): GuardState {
  const guard: GuardState = { violations: [] };
  const inFlight = new WeakMap<pg.Client, number>();
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const query = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const running = inFlight.get(this) ?? 0;
    if (running > 0) {
      guard.violations.push(
        callSite(`query sent while ${running} other(s) run on the same client: ${sqlOf(args[0])}`),
      );
    }
    inFlight.set(this, running + 1);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    };
    // pg-pool's `pool.query` passes a callback; drizzle awaits the returned promise.
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        done();
        return (last as Callback)(...results);
      };
    }
    try {
      const result = query.apply(this, args);
      // Registered before the caller's own `await`, so the count drops before its next query.
      if (result instanceof Promise) result.then(done, done);
      return result;
    } catch (error) {
      done();
      throw error;
    }
  };
  process.on('warning', (warning) => {
    if (warning.name === 'DeprecationWarning' && warning.message.includes('client is already executing')) {
      guard.violations.push(warning);
    }
  });
  return guard;
}

/** An error whose stack reaches the application's code (drizzle alone is ten frames deep). */
function callSite(message: string): Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const error = new Error(message);
  Error.stackTraceLimit = limit;
  error.stack = (error.stack ?? message)
    .split('\n')
    .filter((line) => !line.includes('/node_modules/') && !line.includes('one-query-per-client'))
    .join('\n');
  return error;
}

function sqlOf(first: unknown): string {
  const text = typeof first === 'string' ? first : (first as { text?: unknown } | null)?.text;
  // drizzle's query builders are thenables, so the stack rarely reaches the caller: the SQL does.
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
}

function check(): void {
  const found = state.violations.splice(0);
  if (found.length === 0) return;
  // The same call site repeats (one per request): each stack once, with how often it happened.
  const stacks = new Map<string, number>();
  for (const e of found) stacks.set(e.stack ?? e.message, (stacks.get(e.stack ?? e.message) ?? 0) + 1);
  throw new Error(
    `${found.length} concurrent quer${found.length === 1 ? 'y' : 'ies'} on one PostgreSQL client ` +
      `(run them one after the other: inSequence / allOn in src/database/in-sequence.ts):\n\n` +
      [...stacks].map(([stack, n]) => (n > 1 ? `${n}× ${stack}` : stack)).join('\n\n'),
  );
}

afterEach(check);
// Queries of a file's beforeAll/afterAll hooks are checked once the file is done.
afterAll(check);
