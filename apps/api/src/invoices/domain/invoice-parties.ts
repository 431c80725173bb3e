import { Injectable } from '@nestjs/common';
import { BASE_CURRENCY, revenueBasisStage, type FieldError, type InvoiceLineParsed } from '@velosi/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import { clientRecords } from '../../clients/clients.records.js';
import { clients, type ClientRow } from '../../clients/clients.table.js';
import { assertLinkVisible } from '../../common/records/links.js';
import type { Executor } from '../../common/records/repository.js';
import { ValidationProblem } from '../../common/validation.js';
import { inSequence } from '../../database/in-sequence.js';
import { jobCharges, jobs, type JobChargeRow } from '../../jobs/persistence/jobs.table.js';
import { latestRate, rateToFreeze } from '../../reference/exchange-rates/rate-of-date.js';
import type { UnpricedLine } from './invoice-pricing.js';

/** Reads what an invoice is made from: the client's fiscal data, rates of the day, job lines. */
@Injectable()
export class InvoiceParties {
  /** The client, visible to the caller (400 on `field` otherwise). */
  async client(executor: Executor, user: AuthUser, clientId: string, field = 'clientId'): Promise<ClientRow> {
    await assertLinkVisible(executor, user, clientRecords, clientId, field);
    const [row] = await executor.select().from(clients).where(eq(clients.id, clientId));
    if (!row) throw new ValidationProblem([{ field, message: 'no client with this id' }]);
    return row;
  }

  /** The stored client (the invoice was already found visible). */
  async clientOf(executor: Executor, clientId: string): Promise<ClientRow> {
    const [row] = await executor.select().from(clients).where(eq(clients.id, clientId));
    if (!row) throw new Error(`invoice client ${clientId} is missing`);
    return row;
  }

  /** Lines of a request body, rates resolved and job lines checked against the invoice's client. */
  async linesFromInput(
    executor: Executor,
    clientId: string,
    lines: readonly InvoiceLineParsed[],
    today: string,
  ): Promise<UnpricedLine[]> {
    const jobChargeIds = lines.flatMap((l) => (l.jobChargeId ? [l.jobChargeId] : []));
    const charges = await this.revenueCharges(executor, clientId, jobChargeIds);
    const errors: FieldError[] = [];
    lines.forEach((l, i) => {
      if (l.jobChargeId && !charges.has(l.jobChargeId)) {
        errors.push({
          field: `lines.${i}.jobChargeId`,
          message: "no revenue line of this client's jobs with this id",
        });
      }
    });
    if (new Set(jobChargeIds).size !== jobChargeIds.length) {
      errors.push({ field: 'lines', message: 'a job line is billed twice' });
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
    // Line after line: `executor` is the invoice's transaction (one client).
    return inSequence(
      lines.map((l, i) => async () => ({
        chargeTypeCode: l.chargeTypeCode ?? null,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        currency: l.currency,
        exchangeRate: await rateToFreeze(
          executor,
          l.currency,
          today,
          l.exchangeRate,
          `lines.${i}.exchangeRate`,
        ),
        vatRate: l.vatRate,
        isDisbursement: l.isDisbursement,
        jobChargeId: l.jobChargeId ?? null,
        creditedLineId: null,
      })),
    );
  }

  /**
   * A job line billed today: at today's reference rate when one is published (the invoice
   * freezes the rate of its date), else at the rate frozen on the job line.
   */
  async lineFromJobCharge(executor: Executor, charge: JobChargeRow, today: string): Promise<UnpricedLine> {
    const rate =
      charge.currency === BASE_CURRENCY
        ? undefined
        : (await latestRate(executor, charge.currency, today))?.rate;
    return { ...lineFromJobCharge(charge), exchangeRate: rate ?? charge.exchangeRate };
  }

  /** Revenue lines among `ids` that belong to a job of the client. */
  private async revenueCharges(
    executor: Executor,
    clientId: string,
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await executor
      .select({ id: jobCharges.id })
      .from(jobCharges)
      .innerJoin(jobs, eq(jobs.id, jobCharges.jobId))
      .where(
        and(inArray(jobCharges.id, [...ids]), eq(jobs.clientId, clientId), eq(jobCharges.side, 'revenue')),
      );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * A job's revenue lines to bill: those named, else all of the job's revenue basis
   * (revenueBasisStage: its actual lines once it has any, else the planned ones).
   */
  async jobRevenue(
    executor: Executor,
    jobId: string,
    ids: readonly string[] | undefined,
  ): Promise<JobChargeRow[]> {
    const revenue = await executor
      .select()
      .from(jobCharges)
      .where(and(eq(jobCharges.jobId, jobId), eq(jobCharges.side, 'revenue')))
      .orderBy(jobCharges.createdAt, jobCharges.id);
    if (ids) {
      const picked = revenue.filter((c) => ids.includes(c.id));
      if (picked.length !== new Set(ids).size) {
        throw new ValidationProblem([
          { field: 'jobChargeIds', message: 'not all of these are revenue lines of the job' },
        ]);
      }
      return picked;
    }
    const stage = revenueBasisStage(revenue);
    return revenue.filter((c) => c.stage === stage);
  }
}

/** A job revenue line as an invoice line (its own frozen rate). */
function lineFromJobCharge(charge: JobChargeRow): UnpricedLine {
  return {
    chargeTypeCode: charge.chargeTypeCode,
    description: charge.description,
    quantity: charge.quantity,
    unitPrice: charge.unitPrice,
    currency: charge.currency,
    exchangeRate: charge.exchangeRate,
    vatRate: charge.vatRate,
    isDisbursement: charge.isDisbursement,
    jobChargeId: charge.id,
    creditedLineId: null,
  };
}
