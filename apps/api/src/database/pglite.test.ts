import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { eq } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { auditLog } from '../audit/audit-log.table.js';
import { AuditService } from '../audit/audit.service.js';
import { createLogger } from '../common/logger.js';
import { DATABASE, type DatabaseHandle } from './database.types.js';
import { appliedMigrations, MIGRATIONS_FOLDER, runMigrations } from './migrator.js';

const logger = createLogger({ logLevel: 'silent' });
let dataDir: string;

function open(): Promise<NestFastifyApplication> {
  return createApp({ PGLITE_DATA_DIR: dataDir, WEB_DIST_DIR: '/nonexistent' }, { logger });
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'velosi-pglite-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('PGlite data directory', () => {
  it('keeps an audit row across close and reopen, and runs migrations once', async () => {
    const first = await open();
    const database = first.get<symbol, DatabaseHandle>(DATABASE);
    const audit = first.get(AuditService);

    const id = await database.db.transaction((tx) =>
      audit.record(tx, {
        actor: 'user-sub-1',
        action: 'create',
        entity: 'quote',
        entityId: 42,
        after: { number: 'Q2026-00001', total: '1250.500' },
        requestId: 'req-1',
      }),
    );
    // A write that rolls back takes its audit row with it.
    await expect(
      database.db.transaction(async (tx) => {
        await audit.record(tx, { actor: 'user-sub-1', action: 'delete', entity: 'quote', entityId: 42 });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await first.close();

    const second = await open();
    try {
      const { db } = second.get<symbol, DatabaseHandle>(DATABASE);
      const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, '42'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        id,
        actor: 'user-sub-1',
        action: 'create',
        entity: 'quote',
        entityId: '42',
        before: null,
        after: { number: 'Q2026-00001', total: '1250.500' },
        requestId: 'req-1',
      });
      expect(rows[0]?.at).toBeInstanceOf(Date);

      const total = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
      expect(await db.select().from(appliedMigrations)).toHaveLength(total);
      expect(await runMigrations(db)).toEqual({ applied: 0, total });
    } finally {
      await second.close();
    }
  });
});
