import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { AuditService } from '../../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../common/records/actor.js';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { DATABASE, type DatabaseHandle, type Transaction } from '../../database/database.types.js';
import { referenceDataLoads } from './reference-framework.table.js';

/** A data set shipped with the application (from an npm data package or a starter list). */
export interface ReferenceDataset {
  /** Key in `reference_data_loads`, e.g. `locations:seaports`. */
  name: string;
  /** Bumped when the data changes: a new version is loaded once more (existing codes are kept). */
  version: string;
  /** Inserts the rows (`ON CONFLICT DO NOTHING`) in the given transaction; answers how many were new. */
  load(tx: Transaction): Promise<number>;
}

/** Token of the list of data sets the loader applies (ReferenceModule provides it). */
export const REFERENCE_DATASETS = Symbol('REFERENCE_DATASETS');

/** Rows per INSERT: large enough to be fast, small enough for PostgreSQL's 65,535 parameters. */
export const INSERT_BATCH = 1_000;

/** Splits rows into INSERT-sized batches. */
export function batches<T>(rows: readonly T[], size = INSERT_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Advisory lock key: instances starting together load each data set once. */
const LOAD_LOCK_KEY = 7_406_113_830;

/**
 * Loads at start-up, after the migrations, every shipped data set not yet loaded in its version:
 * one transaction under an advisory lock, batch inserts, one audit entry per data set (not one per
 * row). Runs when the API migrates on start (MIGRATE_ON_START), like the schema it fills.
 */
@Injectable()
export class ReferenceDataLoader implements OnApplicationBootstrap {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REFERENCE_DATASETS) private readonly datasets: readonly ReferenceDataset[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.migrateOnStart) await this.loadMissing();
  }

  async loadMissing(): Promise<Record<string, number>> {
    const started = Date.now();
    const loaded = await this.database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${LOAD_LOCK_KEY}::bigint)`);
      const done = await tx.select().from(referenceDataLoads);
      const counts: Record<string, number> = {};
      for (const dataset of this.datasets) {
        const previous = done.find((row) => row.dataset === dataset.name);
        if (previous?.version === dataset.version) continue;
        const rows = await dataset.load(tx);
        counts[dataset.name] = rows;
        const values = { dataset: dataset.name, version: dataset.version, rows };
        if (previous)
          await tx.update(referenceDataLoads).set(values).where(eq(referenceDataLoads.dataset, dataset.name));
        else await tx.insert(referenceDataLoads).values(values);
        await this.audit.record(tx, {
          actor: SYSTEM_ACTOR.user.sub,
          action: 'load',
          entity: 'reference_data',
          entityId: dataset.name,
          after: values,
        });
      }
      return counts;
    });
    if (Object.keys(loaded).length > 0) {
      this.logger.info({ loaded, ms: Date.now() - started }, 'reference data loaded');
    }
    return loaded;
  }
}
