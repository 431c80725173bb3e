/**
 * Errors that mean "the database is not there right now" (server stopping or restarting, network
 * cut, pool exhausted) rather than "this request is wrong": answered 503 + Retry-After, not 500.
 * drizzle wraps driver errors in DrizzleQueryError (`cause`), so the whole cause chain is read.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown (fast/immediate stop)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up / shutting down)
  '53300', // too_many_connections
]);

// node-postgres raises these as plain Errors without a code.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/** PostgreSQL SQLSTATEs caused by the request's own data that slipped past validation (→ 400). */
const BAD_INPUT_CODES = new Set([
  '22021', // character_not_in_repertoire (NUL byte in text)
  '22P05', // untranslatable_character
]);

function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let e = error; e !== undefined && e !== null && !seen.has(e);) {
    seen.add(e);
    yield e;
    e = e instanceof Error ? e.cause : undefined;
  }
}

function codeOf(error: unknown): string | undefined {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = codeOf(e);
    if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

export function isDatabaseBadInput(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = codeOf(e);
    if (code && BAD_INPUT_CODES.has(code)) return true;
  }
  return false;
}

/**
 * What may be logged of an error: name, message, SQLSTATE and stack of each cause — never the SQL
 * text, its parameters or the server's `detail`/`where` (they carry the request's data).
 * DrizzleQueryError's own message is "Failed query: <sql> params: <values>", so it is skipped.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const chain = [...causes(error)].filter(
    (e) => !(e instanceof Error && e.message.startsWith('Failed query:')),
  );
  const [first, ...rest] = chain.length > 0 ? chain : [error];
  const describe = (e: unknown): Record<string, unknown> =>
    e instanceof Error
      ? { type: e.name, message: e.message, code: codeOf(e), stack: e.stack }
      : { type: typeof e, message: String(e) };
  return { ...describe(first), causes: rest.length > 0 ? rest.map(describe) : undefined };
}
