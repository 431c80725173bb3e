import { Injectable } from '@nestjs/common';
import {
  jobChargeAmountTnd,
  jobChargeIssues,
  milestoneClash,
  type AuditAction,
  type JobChargeCreate,
  type JobChargeUpdate,
  type JobContainerCreate,
  type JobContainerUpdate,
  type JobDetail,
  type JobMilestone,
  type JobMilestoneCreate,
} from '@velosi/contracts';
import { eq, sql } from 'drizzle-orm';
import { businessToday } from '../../common/business-day.js';
import type { Actor } from '../../common/records/actor.js';
import { presentOnly } from '../../common/records/fields.js';
import { invalidState } from '../../common/records/problems.js';
import { ValidationProblem } from '../../common/validation.js';
import type { Transaction } from '../../database/database.types.js';
import { equipment } from '../../reference/equipment/equipment.table.js';
import { rateToFreeze } from '../../reference/exchange-rates/rate-of-date.js';
import { suppliers } from '../../reference/partners/partners.table.js';
import {
  JobPartsRepository,
  toJobCharge,
  toJobContainer,
  toJobMilestone,
} from '../persistence/job-parts.repository.js';
import { JobsRepository } from '../persistence/jobs.repository.js';
import {
  jobCharges,
  jobContainers,
  jobMilestones,
  type JobChargeRow,
  type JobRow,
} from '../persistence/jobs.table.js';
import { assertOpen, deriveFromMilestones } from './job-status.js';
import { JobsService } from './jobs.service.js';

/** Called after a milestone is recorded, in its transaction (commercials' notifications hook in here). */
export type MilestoneRecordedListener = (
  tx: Transaction,
  job: JobRow,
  milestone: ReturnType<typeof toJobMilestone>,
  actor: Actor,
) => Promise<void>;

/** Called after a milestone's transaction committed (e-mail to the client: never inside a transaction). */
export type MilestoneCommittedListener = (
  job: JobRow,
  milestone: ReturnType<typeof toJobMilestone>,
  actor: Actor,
) => Promise<void>;

/**
 * Asked before a charge line is changed or deleted, in the write's transaction, with the line
 * locked: a reason (English, for the problem's detail) and the facts a client words it with
 * refuse the change. Invoices hook in here: a line an invoice bills is frozen.
 */
export type ChargeLock = (
  tx: Transaction,
  charge: JobChargeRow,
) => Promise<{ detail: string; facts: Record<string, unknown> } | undefined>;

/**
 * Containers, milestones and charge lines. Each write locks the visible job row first (404
 * otherwise; writers of one job queue), then writes and audits under the job (`entity = job`,
 * actions `container_*`, `milestone_*`, `charge_*`) in one transaction, and answers the job detail.
 */
@Injectable()
export class JobPartsService {
  private readonly milestoneListeners: MilestoneRecordedListener[] = [];
  private readonly committedListeners: MilestoneCommittedListener[] = [];
  private readonly chargeLocks: ChargeLock[] = [];

  constructor(
    private readonly jobs: JobsService,
    private readonly parts: JobPartsRepository,
  ) {}

  private get records(): JobsRepository {
    return this.jobs.records;
  }

  /** Registers work to run when a milestone is recorded (notifications to the client's commercial). */
  onMilestoneRecorded(listener: MilestoneRecordedListener): void {
    this.milestoneListeners.push(listener);
  }

  /** Registers work to run once a milestone is committed (the milestone e-mail to the client contact). */
  onMilestoneCommitted(listener: MilestoneCommittedListener): void {
    this.committedListeners.push(listener);
  }

  /** Registers a rule that may freeze a charge line (an invoice billing it). */
  onChargeChange(lock: ChargeLock): void {
    this.chargeLocks.push(lock);
  }

  private async assertChargeFree(tx: Transaction, charge: JobChargeRow): Promise<void> {
    for (const lock of this.chargeLocks) {
      const refusal = await lock(tx, charge);
      if (refusal) throw invalidState(refusal.detail, refusal.facts);
    }
  }

  private write(actor: Actor, jobId: string, work: (tx: Transaction, job: JobRow) => Promise<JobRow | void>) {
    return this.records.db.transaction(async (tx): Promise<JobDetail> => {
      const job = await this.records.require(tx, actor.user, jobId, { mode: 'write', lock: true });
      const after = (await work(tx, job)) ?? job;
      return this.jobs.detail(tx, after);
    });
  }

  private audit(
    tx: Transaction,
    actor: Actor,
    job: JobRow,
    action: AuditAction,
    before: unknown,
    after: unknown,
  ) {
    return this.records.recordAudit(tx, actor, action, job.id, before, after);
  }

  // ------------------------------------------------------------------------------ containers

  addContainer(actor: Actor, jobId: string, body: JobContainerCreate): Promise<JobDetail> {
    return this.write(actor, jobId, async (tx, job) => {
      assertOpen(job);
      await this.checkContainer(tx, job.id, body);
      const row = await this.parts.insertContainer(tx, { ...body, jobId: job.id, createdBy: actor.user.sub });
      await this.audit(tx, actor, job, 'container_add', undefined, toJobContainer(row));
    });
  }

  updateContainer(actor: Actor, jobId: string, id: string, body: JobContainerUpdate): Promise<JobDetail> {
    return this.write(actor, jobId, async (tx, job) => {
      assertOpen(job);
      const before = await this.parts.lockPart(tx, jobContainers, job.id, id, 'container');
      const { version, ...fields } = body;
      await this.checkContainer(tx, job.id, fields, id);
      const after = await this.parts.updatePart(tx, jobContainers, before, version, presentOnly(fields));
      await this.audit(tx, actor, job, 'container_update', toJobContainer(before), toJobContainer(after));
    });
  }

  removeContainer(actor: Actor, jobId: string, id: string): Promise<JobDetail> {
    return this.write(actor, jobId, async (tx, job) => {
      assertOpen(job);
      const before = await this.parts.lockPart(tx, jobContainers, job.id, id, 'container');
      await this.parts.deletePart(tx, jobContainers, id);
      await this.audit(tx, actor, job, 'container_remove', toJobContainer(before), undefined);
    });
  }

  private async checkContainer(
    tx: Transaction,
    jobId: string,
    body: Partial<Pick<JobContainerCreate, 'number' | 'sizeType'>>,
    except?: string,
  ): Promise<void> {
    const errors = [];
    if (body.number && (await this.parts.containerNumberTaken(tx, jobId, body.number, except))) {
      errors.push({ field: 'number', message: 'this container is already on the job' });
    }
    if (body.sizeType) {
      const [found] = await tx
        .select({ one: sql<number>`1` })
        .from(equipment)
        .where(eq(equipment.code, body.sizeType));
      if (!found) errors.push({ field: 'sizeType', message: 'not a size-type of the equipment list' });
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  // ------------------------------------------------------------------------------ milestones

  async addMilestone(actor: Actor, jobId: string, body: JobMilestoneCreate): Promise<JobDetail> {
    assertHappened(body.occurredAt);
    let recorded: { job: JobRow; milestone: ReturnType<typeof toJobMilestone> } | undefined;
    const detail = await this.write(actor, jobId, async (tx, job) => {
      assertOpen(job);
      assertInOrder(body, (await this.parts.milestones(tx, job.id)).map(toJobMilestone));
      const row = await this.parts.insertMilestone(tx, {
        jobId: job.id,
        kind: body.kind,
        occurredAt: new Date(body.occurredAt),
        place: body.place ?? null,
        note: body.note ?? null,
        recordedBy: actor.user.sub,
      });
      const milestone = toJobMilestone(row);
      await this.audit(tx, actor, job, 'milestone_add', undefined, milestone);
      const after = await this.rederive(tx, actor, job);
      for (const listener of this.milestoneListeners) await listener(tx, after, milestone, actor);
      recorded = { job: after, milestone };
      return after;
    });
    if (recorded)
      for (const listener of this.committedListeners) await listener(recorded.job, recorded.milestone, actor);
    return detail;
  }

  removeMilestone(actor: Actor, jobId: string, id: string): Promise<JobDetail> {
    return this.write(actor, jobId, async (tx, job) => {
      assertOpen(job);
      const before = await this.parts.lockMilestone(tx, job.id, id);
      await this.parts.deletePart(tx, jobMilestones, id);
      await this.audit(tx, actor, job, 'milestone_remove', toJobMilestone(before), undefined);
      return this.rederive(tx, actor, job);
    });
  }

  /** Status, ATD and ATA follow the milestones; written (and audited) only when they change. */
  private async rederive(tx: Transaction, actor: Actor, job: JobRow): Promise<JobRow> {
    const derived = deriveFromMilestones(await this.parts.milestones(tx, job.id));
    if (derived.status === job.status && derived.atd === job.atd && derived.ata === job.ata) return job;
    return this.records.updateLocked(tx, actor, job, derived, 'status_change');
  }

  // --------------------------------------------------------------------------------- charges

  addCharge(actor: Actor, jobId: string, body: JobChargeCreate): Promise<JobDetail> {
    return this.write(actor, jobId, async (tx, job) => {
      assertChargeable(job);
      await this.checkSupplier(tx, body.supplierCode);
      const charge = { ...body, exchangeRate: await chargeRate(tx, body.currency, body.exchangeRate) };
      const [row] = await this.parts.insertCharges(tx, [
        { ...charge, jobId: job.id, amountTnd: jobChargeAmountTnd(charge), createdBy: actor.user.sub },
      ]);
      if (row) await this.audit(tx, actor, job, 'charge_add', undefined, toJobCharge(row));
    });
  }

  updateCharge(actor: Actor, jobId: string, id: string, body: JobChargeUpdate): Promise<JobDetail> {
    return this.write(actor, jobId, async (tx, job) => {
      assertChargeable(job);
      const before = await this.parts.lockPart(tx, jobCharges, job.id, id, 'charge');
      await this.assertChargeFree(tx, before);
      const { version, ...fields } = body;
      // A new currency without its rate takes the day's, never the old currency's.
      const { currency } = fields;
      if (currency !== undefined && currency !== before.currency && fields.exchangeRate === undefined) {
        fields.exchangeRate = await chargeRate(tx, currency, undefined);
      }
      const set = presentOnly(fields);
      const merged = { ...before, ...set };
      const issues = jobChargeIssues({ ...merged, supplierCode: merged.supplierCode ?? null });
      if (issues.length > 0) {
        throw new ValidationProblem(issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      }
      await this.checkSupplier(tx, fields.supplierCode);
      const after = await this.parts.updatePart(tx, jobCharges, before, version, {
        ...set,
        amountTnd: jobChargeAmountTnd(merged),
      });
      await this.audit(tx, actor, job, 'charge_update', toJobCharge(before), toJobCharge(after));
    });
  }

  removeCharge(actor: Actor, jobId: string, id: string): Promise<JobDetail> {
    return this.write(actor, jobId, async (tx, job) => {
      assertChargeable(job);
      const before = await this.parts.lockPart(tx, jobCharges, job.id, id, 'charge');
      await this.assertChargeFree(tx, before);
      await this.parts.deletePart(tx, jobCharges, id);
      await this.audit(tx, actor, job, 'charge_remove', toJobCharge(before), undefined);
    });
  }

  private async checkSupplier(tx: Transaction, code: string | null | undefined): Promise<void> {
    if (!code) return;
    const [found] = await tx
      .select({ one: sql<number>`1` })
      .from(suppliers)
      .where(eq(suppliers.code, code));
    if (!found)
      throw new ValidationProblem([{ field: 'supplierCode', message: 'no supplier with this code' }]);
  }
}

/** The rate a charge freezes: the one given, 1 for TND, else today's reference rate (400 if none). */
function chargeRate(tx: Transaction, currency: string, given: string | undefined): Promise<string> {
  return rateToFreeze(tx, currency, businessToday(), given, 'exchangeRate');
}

/** Costs keep arriving after a job is closed (supplier invoices); a cancelled job takes none. */
function assertChargeable(job: JobRow): void {
  if (job.status === 'cancelled') throw invalidState(`Job ${job.number} is cancelled: it takes no charges.`);
}

/**
 * Each step is recorded once and keeps its place in the shipment's order (an arrival is not dated
 * before the departure): refused on `occurredAt`, naming the milestone it clashes with.
 */
function assertInOrder(body: JobMilestoneCreate, recorded: readonly JobMilestone[]): void {
  const clash = milestoneClash(body, recorded);
  if (!clash) return;
  const words = {
    twice: 'is recorded already',
    before: 'cannot be dated before',
    after: 'cannot be dated after',
  }[clash.reason];
  const message =
    clash.reason === 'twice'
      ? `${body.kind} ${words} (${clash.occurredAt})`
      : `${body.kind} ${words} ${clash.kind} (${clash.occurredAt})`;
  throw new ValidationProblem([{ field: 'occurredAt', message }]);
}

/** A few minutes ahead of the server's clock is still "now" (a phone's clock drifts). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A milestone records what happened (its dates become the job's actual ATD and ATA, and move its
 * status): one in the future is refused on its field, as the page says before sending it.
 */
function assertHappened(occurredAt: string): void {
  if (Date.parse(occurredAt) <= Date.now() + CLOCK_SKEW_MS) return;
  throw new ValidationProblem([
    { field: 'occurredAt', message: 'a milestone records what happened: it cannot be in the future' },
  ]);
}
