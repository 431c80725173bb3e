import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../common/logger.js';
import { DatabaseUnreachableError, explainConnectionFailure } from '../database/connection.js';
import { startTestApp, UNREACHABLE_DATABASE_URL, type TestApp } from '../../test/support/test-app.js';

describe('readiness when the database is unreachable', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Migrations off (as when a release step runs them) so the instance starts without its database.
    api = await startTestApp({ DATABASE_URL: UNREACHABLE_DATABASE_URL, MIGRATE_ON_START: 'false' });
  });
  afterAll(() => api?.close());

  it('GET /health/ready answers 503 with the reason as JSON', async () => {
    const res = await fetch(`${api.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'error',
      checks: { database: 'down', identity: 'up' },
      reasons: { database: 'ECONNREFUSED' },
    });
    const warning = api.logs.find((l) => l.msg === 'readiness check failed');
    expect(JSON.stringify(warning)).toContain('ECONNREFUSED');
    expect(warning).toMatchObject({ check: 'database' });
  });

  it('GET /health/live still answers 200: the process itself is fine', async () => {
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });

  it('the API still answers what needs no database', async () => {
    const res = await fetch(`${api.url}/api/info`);
    expect(await res.json()).toMatchObject({ database: 'postgres' });
  });
});

describe('start-up with migrations on and no database', () => {
  it('fails instead of serving an unmigrated schema', async () => {
    const logger = createLogger({ logLevel: 'silent' });
    const failure = createApp({ DATABASE_URL: UNREACHABLE_DATABASE_URL }, { logger });
    await expect(failure).rejects.toBeInstanceOf(DatabaseUnreachableError);
    await expect(failure).rejects.toThrow(
      /^Database unreachable at start-up: 127\.0\.0\.1:1\/velosi_unreachable \(ECONNREFUSED: .*\)\. Check DATABASE_URL/,
    );
  });
});

const DATABASE_URL = 'postgres://velosi:S3cret@db.internal:6543/velosi';

function coded(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('explainConnectionFailure', () => {
  it('names the server and the cause, never the password', () => {
    const error = explainConnectionFailure(
      coded('password authentication failed for user "velosi" (S3cret)', '28P01'),
      DATABASE_URL,
    );
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toBe(
      'Database unreachable at start-up: db.internal:6543/velosi (28P01: password authentication failed for user "velosi" (***)). Check DATABASE_URL and that the server accepts connections.',
    );
  });

  it("recognises node-postgres's code-less failures: connect timeout, connection closed during the handshake", () => {
    for (const [message, code] of [
      ['timeout exceeded when trying to connect', 'TIMEOUT'],
      ['Connection terminated due to connection timeout', 'TIMEOUT'],
      ['Connection terminated unexpectedly', 'CONNECTION_CLOSED'],
    ] as const) {
      const error = explainConnectionFailure(new Error('wrapped', { cause: coded(message) }), DATABASE_URL);
      expect(error, message).toBeInstanceOf(DatabaseUnreachableError);
      expect((error as Error).message).toContain(`(${code}: ${message})`);
    }
  });

  it('leaves SQL errors alone', () => {
    const sqlError = coded('relation "x" does not exist', '42P01');
    expect(explainConnectionFailure(sqlError, DATABASE_URL)).toBe(sqlError);
  });
});
