import { inArray } from 'drizzle-orm';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit-log.table.js';
import { AuditService } from '../audit/audit.service.js';
import { spawnApi, type ApiProcess } from '../../test/support/services/processes.js';
import { createFreshDatabase, withClient } from '../../test/support/services/postgres.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { DATABASE, type DatabaseHandle } from './database.types.js';
import { MIGRATION_LOCK_KEY, MIGRATIONS_FOLDER, runMigrations } from './migrator.js';

const DATABASE_URL = process.env.DATABASE_URL;
const migrationFiles = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });

/** Waits until `count` other sessions are blocked on an advisory lock in this database. */
async function waitForLockWaiters(client: pg.Client, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted
          and database = (select oid from pg_database where datname = current_database())`,
    );
    if ((rows[0]?.n ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${count} sessions waited on the migration lock`);
}

describe.skipIf(!DATABASE_URL)('real PostgreSQL (DATABASE_URL)', () => {
  describe('one instance', () => {
    let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
    let api: TestApp;
    let app: NestFastifyApplication;
    beforeAll(async () => {
      fresh = await createFreshDatabase(DATABASE_URL ?? '', 'velosi_api');
      api = await startTestApp({
        DATABASE_URL: fresh.url,
        DATABASE_POOL_SIZE: '3',
        WEB_DIST_DIR: '/nonexistent',
      });
      app = api.app;
    });
    afterAll(async () => {
      await api?.close();
      await fresh?.drop();
    });

    it('GET /api/info says postgres and /health/ready answers 200', async () => {
      expect(await (await fetch(`${api.url}/api/info`)).json()).toMatchObject({ database: 'postgres' });
      const ready = await fetch(`${api.url}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up', identity: 'up' } });
    });

    it('records audit rows inside the caller’s transaction', async () => {
      const { db } = app.get<symbol, DatabaseHandle>(DATABASE);
      const audit = app.get(AuditService);
      await db.transaction((tx) =>
        audit.record(tx, { actor: 'system', action: 'seed', entity: 'location', entityId: 'TNTUN' }),
      );
      await expect(
        db.transaction(async (tx) => {
          await audit.record(tx, { actor: 'system', action: 'seed', entity: 'location', entityId: 'TNRDS' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      // Only this test's rows: migrations record their own reference-data loads in the audit log too.
      const rows = await db
        .select({ entityId: auditLog.entityId })
        .from(auditLog)
        .where(inArray(auditLog.entityId, ['TNTUN', 'TNRDS']));
      expect(rows).toEqual([{ entityId: 'TNTUN' }]);
    });

    it('migrations wait for the advisory lock held by another instance', async () => {
      const { db } = app.get<symbol, DatabaseHandle>(DATABASE);
      await withClient(fresh.url, async (other) => {
        await other.query('begin');
        await other.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
        let finished = false;
        const migrating = runMigrations(db).then((result) => {
          finished = true;
          return result;
        });
        await new Promise((r) => setTimeout(r, 500));
        expect(finished).toBe(false);
        await other.query('commit');
        expect(await migrating).toEqual({ applied: 0, total: migrationFiles.length });
      });
    });
  });

  describe('two API processes starting together on a fresh database', () => {
    let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
    beforeAll(async () => {
      fresh = await createFreshDatabase(DATABASE_URL ?? '', 'velosi_mig');
    });
    afterAll(() => fresh?.drop());

    it('apply each migration exactly once and both become ready', async () => {
      const env = { DATABASE_URL: fresh.url, DATABASE_POOL_SIZE: '2', WEB_DIST_DIR: '/nonexistent' };
      const apis: ApiProcess[] = [];
      try {
        // Hold the migration lock while both start, so both reach it and are released at the same
        // instant: a real race, not two starts that happen to be a few hundred ms apart.
        await withClient(fresh.url, async (gate) => {
          await gate.query('begin');
          await gate.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
          apis.push(spawnApi(env), spawnApi(env));
          await waitForLockWaiters(gate, 2);
          await gate.query('commit');
        });
        const urls = await Promise.all(apis.map((a) => a.listening));
        for (const url of urls) expect((await fetch(`${url}/health/ready`)).status).toBe(200);

        const applied = await withClient(fresh.url, (c) =>
          c.query<{ hash: string; created_at: string }>(
            'select hash, created_at from drizzle.__drizzle_migrations order by id',
          ),
        );
        expect(applied.rows.map((r) => [r.hash, Number(r.created_at)])).toEqual(
          migrationFiles.map((m) => [m.hash, m.folderMillis]),
        );
        // One instance did the work, the other waited on the lock and found nothing left.
        const counts = apis.map(
          (a) =>
            a.stdout.map((l) => JSON.parse(l) as { applied?: number }).find((l) => l.applied !== undefined)
              ?.applied,
        );
        expect(counts.sort()).toEqual([0, migrationFiles.length]);
        for (const a of apis) {
          expect(a.stderr.join('')).toBe('');
          expect(a.stdout.some((l) => (JSON.parse(l) as { level: number }).level >= 50)).toBe(false);
        }
      } finally {
        for (const a of apis) a.child.kill('SIGTERM');
        expect(await Promise.all(apis.map((a) => a.exited))).toEqual([0, 0]);
      }
    });
  });
});
