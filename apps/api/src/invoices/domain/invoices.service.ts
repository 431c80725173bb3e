import { Inject, Injectable } from '@nestjs/common';
import {
  BASE_CURRENCY,
  compareAmounts,
  type Invoice,
  type InvoiceCreate,
  type InvoiceFromJob,
  type InvoiceListQuery,
  type InvoicePage,
  type InvoiceUpdate,
} from '@velosi/contracts';
import { eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import { billingName } from '../../clients/clients.records.js';
import type { ClientRow } from '../../clients/clients.table.js';
import { businessToday } from '../../common/business-day.js';
import type { Actor } from '../../common/records/actor.js';
import { presentOnly } from '../../common/records/fields.js';
import { flagCondition } from '../../common/records/list.js';
import { invalidState } from '../../common/records/problems.js';
import type { Executor, RecordRow } from '../../common/records/repository.js';
import { ValidationProblem } from '../../common/validation.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { Transaction } from '../../database/database.types.js';
import { inSequence } from '../../database/in-sequence.js';
import { JobsRepository } from '../../jobs/persistence/jobs.repository.js';
import { toInvoiceLine } from '../persistence/invoices.records.js';
import { overdueCondition, paymentStatusSql } from '../persistence/invoice-settlement.js';
import { InvoicesRepository } from '../persistence/invoices.repository.js';
import { invoices, type InvoiceLineRow } from '../persistence/invoices.table.js';
import { rateToFreeze } from '../../reference/exchange-rates/rate-of-date.js';
import { InvoiceParties } from './invoice-parties.js';
import { priceInvoice, type PricedInvoice, type UnpricedLine } from './invoice-pricing.js';

type InvoiceRecord = RecordRow<typeof invoices>;

/** The stored line back to pricing input (re-priced when the header or the client changes). */
export function unpriced(line: InvoiceLineRow): UnpricedLine {
  const { id: _id, invoiceId: _invoiceId, position: _position, amountTnd: _a, vatTnd: _v, ...rest } = line;
  return rest;
}

/** Drafts: list, read, create (by hand or from a job), edit, delete. Issue: invoice-issue.service.ts. */
@Injectable()
export class InvoicesService {
  constructor(
    readonly repository: InvoicesRepository,
    private readonly parties: InvoiceParties,
    private readonly jobs: JobsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: InvoiceListQuery): Promise<InvoicePage> {
    const today = businessToday();
    const filters: (SQL | undefined)[] = [
      query.status ? inArray(invoices.status, query.status) : undefined,
      query.kind ? eq(invoices.kind, query.kind) : undefined,
      query.clientId ? eq(invoices.clientId, query.clientId) : undefined,
      query.jobId ? eq(invoices.jobId, query.jobId) : undefined,
      query.from ? gte(invoices.invoiceDate, query.from) : undefined,
      query.to ? lte(invoices.invoiceDate, query.to) : undefined,
      // Drafts have no due date: a NULL condition counts among the not-overdue.
      flagCondition(query.overdue, overdueCondition(today)),
      query.paymentStatus ? inArray(paymentStatusSql(today), query.paymentStatus) : undefined,
    ];
    const page = await this.repository.list(user, query, filters);
    return { ...page, items: await this.repository.withJobNumbers(this.repository.db, page.items) };
  }

  async get(user: AuthUser, id: string, executor: Executor = this.repository.db): Promise<Invoice> {
    return this.present(executor, await this.repository.require(executor, user, id));
  }

  async present(executor: Executor, row: InvoiceRecord): Promise<Invoice> {
    const lines = await this.repository.linesOf(executor, row.id);
    const [header] = await this.repository.withJobNumbers(executor, [this.repository.definition.toApi(row)]);
    if (!header) throw new Error(`invoice ${row.id} lost its header`);
    return { ...header, lines: lines.map(toInvoiceLine) };
  }

  clientOf(executor: Executor, clientId: string): Promise<ClientRow> {
    return this.parties.clientOf(executor, clientId);
  }

  /** Stamp duty of a client's invoice: the configured amount, none for an exempt client. */
  stampDutyFor(client: ClientRow): string | false {
    return client.stampDutyExempt ? false : this.config.invoices.stampDutyTnd;
  }

  price(
    client: ClientRow,
    lines: readonly UnpricedLine[],
    currency: string,
    exchangeRate: string,
  ): PricedInvoice {
    return priceInvoice(lines, {
      vatRegime: client.vatRegime,
      stampDuty: this.stampDutyFor(client),
      currency,
      exchangeRate,
    });
  }

  create(actor: Actor, body: InvoiceCreate): Promise<Invoice> {
    return this.repository.db.transaction(async (tx) => {
      const today = businessToday();
      const client = await this.parties.client(tx, actor.user, body.clientId);
      const lines = await this.parties.linesFromInput(tx, client.id, body.lines, today);
      return this.insertDraft(tx, actor, client, null, body, lines, today);
    });
  }

  fromJob(actor: Actor, body: InvoiceFromJob): Promise<Invoice> {
    return this.repository.db.transaction(async (tx) => {
      const today = businessToday();
      const job = await this.jobs.find(tx, actor.user, body.jobId);
      if (!job) throw new ValidationProblem([{ field: 'jobId', message: 'no job with this id' }]);
      if (job.status === 'cancelled')
        throw invalidState(`Job ${job.number} is cancelled: it is not invoiced.`);
      const charges = await this.parties.jobRevenue(tx, job.id, body.jobChargeIds);
      const billed = await this.repository.invoiceBillings(
        tx,
        charges.map((c) => c.id),
      );
      // Named lines already billed are a conflict; "all" means all those not billed yet.
      if (body.jobChargeIds && billed.size > 0) {
        throw invalidState('Some of these job lines are already billed by another invoice.');
      }
      const open = charges.filter((c) => !billed.has(c.id));
      if (open.length === 0) throw invalidState('This job has no revenue line left to bill.');
      const client = await this.parties.clientOf(tx, job.clientId);
      const lines = await inSequence(open.map((c) => () => this.parties.lineFromJobCharge(tx, c, today)));
      return this.insertDraft(tx, actor, client, job.id, body, lines, today);
    });
  }

  private async insertDraft(
    tx: Transaction,
    actor: Actor,
    client: ClientRow,
    jobId: string | null,
    header: Pick<InvoiceCreate, 'currency' | 'exchangeRate' | 'customerReference' | 'notes'>,
    lines: readonly UnpricedLine[],
    today: string,
  ): Promise<Invoice> {
    const currency = header.currency ?? client.currency;
    const exchangeRate = await rateToFreeze(tx, currency, today, header.exchangeRate, 'exchangeRate');
    const priced = this.price(client, lines, currency, exchangeRate);
    const row = await this.repository.create(tx, actor, {
      createdBy: actor.user.sub,
      clientId: client.id,
      jobId,
      currency,
      exchangeRate,
      language: client.language,
      vatRegime: client.vatRegime,
      ...suspensionOf(client),
      customerReference: header.customerReference ?? null,
      notes: header.notes ?? null,
      buyerName: billingName(client),
      ...totalsColumns(priced),
    });
    await this.repository.replaceLines(tx, row.id, priced.lines);
    return this.present(tx, row);
  }

  update(actor: Actor, id: string, body: InvoiceUpdate): Promise<Invoice> {
    return this.repository.db.transaction(async (tx) => {
      const before = await this.repository.lockVersion(tx, actor.user, id, body.version);
      assertDraft(before);
      const today = businessToday();
      const client = await this.parties.clientOf(tx, before.clientId);
      const currency = body.currency ?? before.currency;
      const rateGiven = body.exchangeRate ?? (body.currency === undefined ? before.exchangeRate : undefined);
      const exchangeRate = await rateToFreeze(tx, currency, today, rateGiven, 'exchangeRate');
      if (currency === BASE_CURRENCY && compareAmounts(exchangeRate, '1') !== 0) {
        throw new ValidationProblem([
          { field: 'exchangeRate', message: 'a TND invoice has an exchange rate of 1' },
        ]);
      }
      const lines = body.lines
        ? await this.parties.linesFromInput(tx, client.id, body.lines, today)
        : (await this.repository.linesOf(tx, id)).map(unpriced);
      const priced = this.price(client, lines, currency, exchangeRate);
      await this.repository.replaceLines(tx, id, priced.lines);
      const after = await this.repository.updateLocked(tx, actor, before, {
        ...presentOnly({ customerReference: body.customerReference, notes: body.notes }),
        currency,
        exchangeRate,
        vatRegime: client.vatRegime,
        ...suspensionOf(client),
        ...totalsColumns(priced),
      });
      return this.present(tx, after);
    });
  }

  /** Deletes a draft for good (its job lines become billable again); issued ones are kept forever. */
  delete(actor: Actor, id: string, version: number): Promise<void> {
    return this.repository.db.transaction(async (tx) => {
      const before = await this.repository.lockVersion(tx, actor.user, id, version);
      assertDraft(before);
      const lines = await this.repository.linesOf(tx, id);
      await tx.delete(invoices).where(eq(invoices.id, id));
      await this.repository.recordAudit(
        tx,
        actor,
        'delete',
        id,
        {
          ...this.repository.definition.toApi(before),
          lines: lines.map(toInvoiceLine),
        },
        undefined,
      );
    });
  }
}

/** 409 on anything but a draft invoice: an issued document is corrected by a credit note. */
export function assertDraft(row: InvoiceRecord): void {
  if (row.status !== 'draft') {
    throw invalidState(
      `This ${row.kind === 'credit_note' ? 'credit note' : 'invoice'} is issued: it cannot be changed or deleted; issue a credit note instead.`,
    );
  }
}

export function suspensionOf(client: ClientRow) {
  const suspended = client.vatRegime === 'suspended';
  return {
    vatSuspensionNumber: suspended ? client.vatSuspensionNumber : null,
    vatSuspensionIssuedOn: suspended ? client.vatSuspensionIssuedOn : null,
    vatSuspensionExpiresOn: suspended ? client.vatSuspensionExpiresOn : null,
  };
}

export function totalsColumns({ totals }: PricedInvoice) {
  return {
    netTnd: totals.netTnd,
    vatTnd: totals.vatTnd,
    vatBreakdown: totals.vatBreakdown,
    disbursementsTnd: totals.disbursementsTnd,
    stampDutyTnd: totals.stampDutyTnd,
    totalTnd: totals.totalTnd,
    totalCurrency: totals.totalCurrency,
  };
}
