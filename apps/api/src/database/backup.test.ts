import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, withClient } from '../../test/support/services/postgres.js';
import { createLogger } from '../common/logger.js';
import { AuditService } from '../audit/audit.service.js';
import { demoRepositories, seedDemo } from '../demo/seed.js';
import type { DatabaseHandle } from './database.types.js';
import { openDatabase } from './connection.js';
import { runMigrations } from './migrator.js';

const run = promisify(execFile);
const SCRIPTS = path.resolve(import.meta.dirname, '../../../../scripts');
// pg_dump needs a session: the direct server, not the transaction pooler CI puts in DATABASE_URL.
const DIRECT_URL = process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL;

/** Rows of every table of the application's schemas, by qualified name. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `select format('%I.%I', schemaname, tablename) as name from pg_tables
        where schemaname in ('public', 'drizzle') order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      // Names come from the catalogue, quoted by format('%I'): safe to splice.
      const result = await client.query<{ n: string }>(`select count(*) as n from ${name}`);
      counts[name] = Number(result.rows[0]?.n);
    }
    return counts;
  });
}

describe.skipIf(!DIRECT_URL)('scripts/backup → scripts/restore (PostgreSQL)', () => {
  let source: Awaited<ReturnType<typeof createFreshDatabase>>;
  let target: Awaited<ReturnType<typeof createFreshDatabase>>;
  let dir: string;
  beforeAll(async () => {
    source = await createFreshDatabase(DIRECT_URL ?? '', 'velosi_backup_src');
    target = await createFreshDatabase(DIRECT_URL ?? '', 'velosi_backup_dst');
    dir = await mkdtemp(path.join(tmpdir(), 'velosi-backup-'));
    const handle = await openDatabase(
      { kind: 'postgres', url: source.url, poolSize: 2 },
      createLogger({ logLevel: 'silent' }),
    );
    try {
      await runMigrations(handle.db);
      // The repositories the app injects, built by hand on this handle (no Nest app here).
      const audit = new AuditService();
      const repos = demoRepositories(
        <T>(type: new (database: DatabaseHandle, auditService: AuditService) => T) => new type(handle, audit),
      );
      await seedDemo(repos, [
        { username: 'commercial1', sub: randomUUID() },
        { username: 'commercial2', sub: randomUUID() },
      ]);
    } finally {
      await handle.close();
    }
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('dumps the business database to a timestamped compressed file and restores it with the same row counts', async () => {
    // A password in the URL (ignored by the trust-auth test server) must never be printed.
    const withPassword = new URL(source.url);
    withPassword.password = 'never-printed-0123';
    const backup = await run('bash', [path.join(SCRIPTS, 'backup'), '--db-only'], {
      env: { ...process.env, DATABASE_URL: withPassword.toString(), BACKUP_DIR: dir },
    });
    expect(`${backup.stdout}${backup.stderr}`).not.toContain('never-printed-0123');
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^velosi-db-\d{8}T\d{6}Z\.dump$/);
    expect(backup.stdout).toContain(`database: ${path.join(dir, files[0] ?? '')}`);

    await run('bash', [path.join(SCRIPTS, 'restore'), 'db', path.join(dir, files[0] ?? '')], {
      env: { ...process.env, DATABASE_URL: target.url },
    });
    const before = await rowCounts(source.url);
    expect(before['public.clients']).toBeGreaterThan(0);
    expect(before['public.audit_log']).toBeGreaterThan(0);
    expect(await rowCounts(target.url)).toEqual(before);
  }, 180_000);

  it('refuses to encrypt a realm export with a short key, and never without one', async () => {
    const env = { ...process.env, BACKUP_DIR: dir, KEYCLOAK_HOME: '/nonexistent' };
    const noKey = await run('bash', [path.join(SCRIPTS, 'backup'), '--realm-only'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(noKey).toMatchObject({ code: 1, stderr: expect.stringContaining('BACKUP_ENCRYPTION_KEY') });
    const short = await run('bash', [path.join(SCRIPTS, 'backup'), '--realm-only'], {
      env: { ...env, BACKUP_ENCRYPTION_KEY: 'short' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(short).toMatchObject({ code: 1, stderr: expect.stringContaining('at least 32 characters') });
  });
});
