import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './database/migrator.js';
import { spawnApi } from '../test/support/services/processes.js';
import { PRODUCTION_ENV } from '../test/support/test-app.js';

const migrationCount = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;

// These run the built entry points (dist/, built by the global setup) as real processes, in order:
// migrate a fresh PGlite dir first, then start the API on it (PGlite's first boot is the slow one).
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'velosi-main-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const logLines = (stdout: string[]) => stdout.map((l) => JSON.parse(l) as { msg?: string; applied?: number });

describe('node dist/database/migrate.js (npm run db:migrate)', () => {
  it('migrates a PGlite data dir, then finds nothing to do', async () => {
    const first = spawnApi({ PGLITE_DATA_DIR: dataDir }, 'dist/database/migrate.js');
    expect(await first.exited).toBe(0);
    expect(logLines(first.stdout).find((l) => l.applied !== undefined)).toMatchObject({
      msg: 'migrations applied',
      applied: migrationCount,
    });
    const second = spawnApi({ PGLITE_DATA_DIR: dataDir }, 'dist/database/migrate.js');
    expect(await second.exited).toBe(0);
    expect(logLines(second.stdout).find((l) => l.applied !== undefined)).toMatchObject({
      msg: 'migrations up to date',
      applied: 0,
    });
  }, 180_000); // PGlite's first boot runs initdb in WASM: tens of seconds on a busy 2-core machine
});

describe('node dist/main.js', () => {
  it('refuses a bad configuration with one line naming every offending variable, exit 1', async () => {
    const api = spawnApi({ PORT: 'abc', DATABASE_POOL_SIZE: 'many', PGLITE_DATA_DIR: dataDir });
    expect(await api.exited).toBe(1);
    expect(api.stderr.join('')).toBe(
      'Invalid configuration: PORT: expected a port number (got "abc"); ' +
        'DATABASE_POOL_SIZE: expected a whole number from 1 to 1000 (got "many")\n',
    );
    expect(api.stdout).toEqual([]);
  });

  it('NODE_ENV=production with nothing else set: exit 1 naming each missing variable, never PGlite', async () => {
    const api = spawnApi({ NODE_ENV: 'production', OIDC_ISSUER_URL: '', PGLITE_DATA_DIR: dataDir });
    expect(await api.exited).toBe(1);
    const stderr = api.stderr.join('');
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    for (const name of [
      'DATABASE_URL',
      'OIDC_ISSUER_URL',
      'PUBLIC_WEB_URL',
      'SMTP_URL',
      'OIDC_AUTH_CLIENT_SECRET',
    ])
      expect(stderr).toContain(`${name}: required when NODE_ENV=production`);
    expect(api.stdout).toEqual([]);
  });

  it('production with everything but DATABASE_URL: exit 1 naming only it', async () => {
    const { DATABASE_URL: _unset, ...withoutDatabase } = PRODUCTION_ENV;
    const api = spawnApi({ ...withoutDatabase, PGLITE_DATA_DIR: dataDir });
    expect(await api.exited).toBe(1);
    expect(api.stderr.join('')).toBe(
      'Invalid configuration: DATABASE_URL: required when NODE_ENV=production (never the embedded PGlite) (not set)\n',
    );
    expect(api.stdout).toEqual([]);
  });

  it('production with an invalid variable: exit 1, one line naming it', async () => {
    const api = spawnApi({ ...PRODUCTION_ENV, PUBLIC_WEB_URL: 'erp.example.com' });
    expect(await api.exited).toBe(1);
    expect(api.stderr.join('')).toBe(
      'Invalid configuration: PUBLIC_WEB_URL: expected an http(s) URL (got "erp.example.com")\n',
    );
    expect(api.stdout).toEqual([]);
  });

  // Migrations on start (they connect first) and off (a release step migrates: the start-up ping).
  it.each(['true', 'false'])(
    'an unreachable database at start-up (MIGRATE_ON_START=%s): one line naming the server, no stack trace, exit 1',
    async (migrateOnStart) => {
      const api = spawnApi({
        ...PRODUCTION_ENV,
        DATABASE_URL: 'postgres://velosi:S3cret@127.0.0.1:1/velosi',
        MIGRATE_ON_START: migrateOnStart,
      });
      expect(await api.exited).toBe(1);
      const stderr = api.stderr.join('');
      expect(stderr).toMatch(
        /^Database unreachable at start-up: 127\.0\.0\.1:1\/velosi \(ECONNREFUSED: [^\n]*\)\. Check DATABASE_URL[^\n]*\n$/,
      );
      expect(stderr).not.toContain('S3cret');
      // Nest's bootstrap lines only: no error-level copy of the failure with its stack.
      const logs = api.stdout.map((l) => JSON.parse(l) as { level: number });
      expect(logs.filter((l) => l.level >= 50)).toEqual([]);
      expect(api.stdout.join('\n')).not.toContain('"stack"');
    },
  );

  it('starts on the migrated dir; on SIGTERM closes the server and PGlite and exits 0', async () => {
    const api = spawnApi({ PGLITE_DATA_DIR: dataDir, WEB_DIST_DIR: '/nonexistent' });
    const url = await api.listening;
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(logLines(api.stdout).map((l) => l.msg)).toContain('database closed');
    await expect(fetch(`${url}/health/live`)).rejects.toThrow();
  }, 120_000);
});
