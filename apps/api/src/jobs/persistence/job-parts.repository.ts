import { Inject, Injectable } from '@nestjs/common';
import type {
  JobCharge,
  JobChargeSide,
  JobChargeStage,
  JobContainer,
  JobMilestone,
  JobMilestoneKind,
} from '@velosi/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { pricedLineFields } from '../../common/records/fields.js';
import { recordNotFound, versionConflict } from '../../common/records/problems.js';
import type { Executor } from '../../common/records/repository.js';
import {
  DATABASE,
  type Database,
  type DatabaseHandle,
  type Transaction,
} from '../../database/database.types.js';
import { suppliers } from '../../reference/partners/partners.table.js';
import {
  jobCharges,
  jobContainers,
  jobMilestones,
  type JobChargeRow,
  type JobContainerRow,
  type JobMilestoneRow,
} from './jobs.table.js';

export function toJobContainer(row: JobContainerRow): JobContainer {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    number: row.number,
    sizeType: row.sizeType,
    sealNumber: row.sealNumber,
    tareKg: row.tareKg,
    grossKg: row.grossKg,
    vgmKg: row.vgmKg,
    packages: row.packages,
  };
}

export function toJobMilestone(row: JobMilestoneRow): JobMilestone {
  return {
    id: row.id,
    kind: row.kind as JobMilestoneKind,
    occurredAt: row.occurredAt.toISOString(),
    place: row.place,
    note: row.note,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toJobCharge(row: JobChargeRow, supplierName: string | null = null): JobCharge {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    side: row.side as JobChargeSide,
    stage: row.stage as JobChargeStage,
    chargeTypeCode: row.chargeTypeCode,
    description: row.description,
    supplierCode: row.supplierCode,
    supplierName,
    ...pricedLineFields(row),
    isDisbursement: row.isDisbursement,
    supplierInvoiceRef: row.supplierInvoiceRef,
    amountTnd: row.amountTnd,
    quoteLineId: row.quoteLineId,
  };
}

type VersionedPart = typeof jobContainers | typeof jobCharges;

/**
 * Containers, milestones and charge lines of jobs. Callers have already found (and, for writes,
 * locked) the visible job: every statement here is scoped by its `job_id`, so a part id of another
 * job is a 404 like a missing one.
 */
@Injectable()
export class JobPartsRepository {
  readonly db: Database;

  constructor(@Inject(DATABASE) database: DatabaseHandle) {
    this.db = database.db;
  }

  containers(executor: Executor, jobId: string): Promise<JobContainerRow[]> {
    return executor
      .select()
      .from(jobContainers)
      .where(eq(jobContainers.jobId, jobId))
      .orderBy(asc(jobContainers.createdAt), asc(jobContainers.id));
  }

  milestones(executor: Executor, jobId: string): Promise<JobMilestoneRow[]> {
    return executor
      .select()
      .from(jobMilestones)
      .where(eq(jobMilestones.jobId, jobId))
      .orderBy(asc(jobMilestones.occurredAt), asc(jobMilestones.createdAt));
  }

  /** Charge lines with their supplier's name, planned before actual, revenue before cost. */
  async charges(executor: Executor, jobId: string): Promise<JobCharge[]> {
    const rows = await executor
      .select({
        row: jobCharges,
        supplierName: sql<
          string | null
        >`(select ${suppliers.name} from ${suppliers} where ${suppliers.code} = ${jobCharges.supplierCode})`,
      })
      .from(jobCharges)
      .where(eq(jobCharges.jobId, jobId))
      .orderBy(
        asc(jobCharges.stage),
        sql`${jobCharges.side} desc`,
        asc(jobCharges.createdAt),
        asc(jobCharges.id),
      );
    return rows.map(({ row, supplierName }) => toJobCharge(row, supplierName));
  }

  async containerNumberTaken(
    executor: Executor,
    jobId: string,
    number: string,
    except?: string,
  ): Promise<boolean> {
    const rows = await executor
      .select({ id: jobContainers.id })
      .from(jobContainers)
      .where(and(eq(jobContainers.jobId, jobId), eq(jobContainers.number, number)));
    return rows.some((r) => r.id !== except);
  }

  async insertContainer(
    tx: Transaction,
    values: typeof jobContainers.$inferInsert,
  ): Promise<JobContainerRow> {
    const [row] = await tx.insert(jobContainers).values(values).returning();
    if (!row) throw new Error('container insert returned no row');
    return row;
  }

  async insertMilestone(
    tx: Transaction,
    values: typeof jobMilestones.$inferInsert,
  ): Promise<JobMilestoneRow> {
    const [row] = await tx.insert(jobMilestones).values(values).returning();
    if (!row) throw new Error('milestone insert returned no row');
    return row;
  }

  async insertCharges(tx: Transaction, values: (typeof jobCharges.$inferInsert)[]): Promise<JobChargeRow[]> {
    if (values.length === 0) return [];
    return tx.insert(jobCharges).values(values).returning();
  }

  /** The part row of this job, locked; 404 when it is not one of the job's. */
  async lockPart<T extends VersionedPart>(
    tx: Transaction,
    table: T,
    jobId: string,
    id: string,
    entity: string,
  ): Promise<T['$inferSelect']> {
    const [row] = (await tx
      .select()
      .from(table as PgTable)
      .where(and(eq(table.id, id), eq(table.jobId, jobId)))
      .for('update')) as T['$inferSelect'][];
    if (!row) throw recordNotFound(entity);
    return row;
  }

  /** Versioned update of a locked part (409 with the current version when stale). */
  async updatePart<T extends VersionedPart>(
    tx: Transaction,
    table: T,
    before: T['$inferSelect'],
    version: number,
    set: PgUpdateSetSource<T>,
  ): Promise<T['$inferSelect']> {
    if (before.version !== version) throw versionConflict(before.version);
    const [after] = (await tx
      .update(table)
      .set({ ...set, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as PgUpdateSetSource<T>)
      .where(and(eq(table.id, before.id), eq(table.version, version)))
      .returning()) as T['$inferSelect'][];
    if (!after) throw versionConflict(before.version);
    return after;
  }

  async deletePart(tx: Transaction, table: VersionedPart | typeof jobMilestones, id: string): Promise<void> {
    await tx.delete(table).where(eq(table.id, id));
  }

  async lockMilestone(tx: Transaction, jobId: string, id: string): Promise<JobMilestoneRow> {
    const [row] = await tx
      .select()
      .from(jobMilestones)
      .where(and(eq(jobMilestones.id, id), eq(jobMilestones.jobId, jobId)))
      .for('update');
    if (!row) throw recordNotFound('milestone');
    return row;
  }
}
