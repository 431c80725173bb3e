import { Injectable } from '@nestjs/common';
import {
  jobProfit,
  type FieldError,
  type JobCancel,
  type JobCancelRefusal,
  type JobCharge,
  type JobChargeBilling,
  type JobClose,
  type JobDetail,
  type JobListQuery,
  type JobPage,
  type JobUpdate,
} from '@velosi/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import { clientRecords } from '../../clients/clients.records.js';
import { contacts } from '../../clients/clients.table.js';
import { presentOnly } from '../../common/records/fields.js';
import { assertLinkVisible } from '../../common/records/links.js';
import type { Actor } from '../../common/records/actor.js';
import { invalidState, recordNotFound } from '../../common/records/problems.js';
import type { Executor } from '../../common/records/repository.js';
import { ValidationProblem } from '../../common/validation.js';
import type { Transaction } from '../../database/database.types.js';
import { allOn, inSequence } from '../../database/in-sequence.js';
import { quoteVisibility } from '../../quotes/persistence/quotes.records.js';
import { quotes } from '../../quotes/persistence/quotes.table.js';
import { airlines, hauliers, shippingLines } from '../../reference/carriers/carriers.table.js';
import { agents } from '../../reference/partners/partners.table.js';
import { JobStaffDirectory } from '../../staff/staff-directory.js';
import { JobPartsRepository, toJobContainer, toJobMilestone } from '../persistence/job-parts.repository.js';
import { jobUpdateColumns } from '../persistence/jobs.records.js';
import { JobsRepository } from '../persistence/jobs.repository.js';
import type { JobRow } from '../persistence/jobs.table.js';
import { JobOpening } from './job-opening.js';
import { assertOpen } from './job-status.js';

/** The invoices billing some of a job's lines, by line id (see JobDetail.billedCharges). */
export type ChargeBillingReader = (
  executor: Executor,
  charges: readonly JobCharge[],
) => Promise<Record<string, JobChargeBilling>>;

/** Why a job cannot be cancelled yet (the invoices still billing it), or nothing. */
export type CancelCheck = (tx: Transaction, job: JobRow) => Promise<JobCancelRefusal | undefined>;

/** Job files: list, detail, edit, cancel, close, and opening one from an accepted quote. */
@Injectable()
export class JobsService {
  constructor(
    readonly records: JobsRepository,
    private readonly parts: JobPartsRepository,
    private readonly opening: JobOpening,
    private readonly staff: JobStaffDirectory,
  ) {}

  list(user: AuthUser, query: JobListQuery): Promise<JobPage> {
    return this.records.listWithNames(user, query);
  }

  async get(user: AuthUser, id: string): Promise<JobDetail> {
    return this.detail(this.records.db, await this.records.require(this.records.db, user, id));
  }

  /**
   * Header, names, containers, milestones, charges and profit of a row, read with `executor`: the
   * pool for a GET, the write's transaction (one client, so one query at a time) for its answer.
   */
  async detail(executor: Executor, row: JobRow): Promise<JobDetail> {
    const [header, containers, milestones, charges] = await allOn(executor, [
      () => this.records.withNames(executor, row),
      () => this.parts.containers(executor, row.id),
      () => this.parts.milestones(executor, row.id),
      () => this.parts.charges(executor, row.id),
    ]);
    const billing = this.billingReader && charges.length ? await this.billingReader(executor, charges) : {};
    return {
      ...header,
      containers: containers.map(toJobContainer),
      milestones: milestones.map(toJobMilestone),
      charges,
      billedCharges: billing,
      profit: jobProfit(charges),
    };
  }

  private billingReader: ChargeBillingReader | undefined;

  /** Registers who says which lines an invoice bills (invoices: jobs come before them). */
  readChargeBillingWith(reader: ChargeBillingReader): void {
    this.billingReader = reader;
  }

  private cancelCheck: CancelCheck | undefined;

  /** Registers who says whether invoices still bill a job about to be cancelled (invoices). */
  checkCancelWith(check: CancelCheck): void {
    this.cancelCheck = check;
  }

  async update(actor: Actor, id: string, body: JobUpdate): Promise<JobDetail> {
    return this.records.db.transaction(async (tx) => {
      const before = await this.records.lockVersion(tx, actor.user, id, body.version);
      assertOpen(before);
      const etd = body.etd === undefined ? before.etd : body.etd;
      const eta = body.eta === undefined ? before.eta : body.eta;
      if (etd && eta && eta < etd) {
        throw new ValidationProblem([{ field: 'eta', message: 'ETA cannot be before ETD' }]);
      }
      await this.checkLinks(tx, actor.user, before, body);
      const row = await this.records.updateLocked(tx, actor, before, presentOnly(jobUpdateColumns(body)));
      return this.detail(tx, row);
    });
  }

  async cancel(actor: Actor, id: string, { version, reason }: JobCancel): Promise<JobDetail> {
    return this.records.db.transaction(async (tx) => {
      const before = await this.records.lockVersion(tx, actor.user, id, version);
      assertOpen(before);
      if (before.status === 'delivered') {
        throw invalidState(`Job ${before.number} is delivered: close it instead of cancelling it.`);
      }
      const billing = await this.cancelCheck?.(tx, before);
      if (billing) {
        throw invalidState(
          `Job ${before.number} is still invoiced: credit its invoices and delete its draft invoices before cancelling it.`,
          billing,
        );
      }
      const row = await this.records.updateLocked(
        tx,
        actor,
        before,
        { status: 'cancelled', cancelReason: reason },
        'cancel',
      );
      return this.detail(tx, row);
    });
  }

  async close(actor: Actor, id: string, { version }: JobClose): Promise<JobDetail> {
    return this.records.db.transaction(async (tx) => {
      const before = await this.records.lockVersion(tx, actor.user, id, version);
      if (before.status !== 'delivered') {
        throw invalidState(`Only a delivered job can be closed; job ${before.number} is ${before.status}.`);
      }
      const row = await this.records.updateLocked(tx, actor, before, { status: 'closed' }, 'close');
      return this.detail(tx, row);
    });
  }

  /**
   * `POST /api/quotes/:id/job`: the quote's job, opened now if it has none. The quote row is locked
   * first, so this waits for an acceptance in flight and then finds the job it made.
   */
  async openFromQuote(actor: Actor, quoteId: string): Promise<{ job: JobDetail; created: boolean }> {
    return this.records.db.transaction(async (tx) => {
      const [quote] = await tx
        .select()
        .from(quotes)
        .where(and(eq(quotes.id, quoteId), quoteVisibility(actor.user, 'read')))
        .for('update');
      if (!quote) throw recordNotFound('quote');
      if (quote.status !== 'accepted') {
        throw invalidState(`Quote ${quote.number} is ${quote.status}: only an accepted quote opens a job.`);
      }
      const { row, created } = await this.opening.openForQuote(tx, actor, quote);
      return { job: await this.detail(tx, row), created };
    });
  }

  /** Links a PATCH sets must exist: contact of the job's client, parties, agent, carrier, staff. */
  private async checkLinks(tx: Transaction, user: AuthUser, job: JobRow, body: JobUpdate): Promise<void> {
    const errors: FieldError[] = [];
    if (body.contactId) {
      const [found] = await tx
        .select({ one: sql<number>`1` })
        .from(contacts)
        .where(and(eq(contacts.id, body.contactId), eq(contacts.clientId, job.clientId)));
      if (!found) errors.push({ field: 'contactId', message: "not a contact of the job's client" });
    }
    for (const field of ['shipperId', 'consigneeId', 'notifyId'] as const) {
      const id = body[field];
      if (id) await assertLinkVisible(tx, user, clientRecords, id, field);
    }
    if (body.agentCode) {
      const [found] = await tx
        .select({ one: sql<number>`1` })
        .from(agents)
        .where(eq(agents.code, body.agentCode));
      if (!found) errors.push({ field: 'agentCode', message: 'no agent with this code' });
    }
    if (body.carrierCode && !(await carrierExists(tx, body.carrierCode))) {
      errors.push({ field: 'carrierCode', message: 'no shipping line, airline or haulier with this code' });
    }
    if (body.assignedTo) {
      const unknown = (await this.staff.unknownIds(body.assignedTo)).filter(
        (u) => !job.assignedTo.includes(u),
      );
      if (unknown.length > 0) {
        errors.push({ field: 'assignedTo', message: `unknown or unassignable user: ${unknown.join(', ')}` });
      }
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
  }
}

async function carrierExists(tx: Transaction, code: string): Promise<boolean> {
  // One table after the other: the transaction is one client.
  const found = await inSequence(
    [shippingLines, airlines, hauliers].map(
      (table) => () =>
        tx
          .select({ one: sql<number>`1` })
          .from(table)
          .where(eq(table.code, code)),
    ),
  );
  return found.some((rows) => rows.length > 0);
}
