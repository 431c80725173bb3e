import { Injectable } from '@nestjs/common';
import {
  FIELD_MESSAGES,
  supplierInvoiceIssues,
  type FieldError,
  type SupplierInvoice,
  type SupplierInvoiceCreate,
  type SupplierInvoiceLineParsed,
  type SupplierInvoiceListQuery,
  type SupplierInvoicePage,
  type SupplierInvoiceUpdate,
} from '@velosi/contracts';
import { arrayContains, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import { businessToday } from '../../common/business-day.js';
import type { Actor } from '../../common/records/actor.js';
import { presentOnly } from '../../common/records/fields.js';
import { flagCondition } from '../../common/records/list.js';
import { concurrentChange, isUniqueViolation } from '../../common/records/problems.js';
import type { Executor, RecordRow } from '../../common/records/repository.js';
import { ValidationProblem } from '../../common/validation.js';
import type { Transaction } from '../../database/database.types.js';
import { JobsRepository } from '../../jobs/persistence/jobs.repository.js';
import { rateToFreeze } from '../../reference/exchange-rates/rate-of-date.js';
import { supplierOverdueCondition } from '../persistence/supplier-invoices.records.js';
import { SupplierInvoicesRepository } from '../persistence/supplier-invoices.repository.js';
import { supplierInvoices } from '../persistence/supplier-invoices.table.js';
import {
  priceSupplierInvoice,
  type PricedSupplierInvoice,
  type UnpricedSupplierLine,
} from './supplier-invoice-pricing.js';

type SupplierInvoiceRecord = RecordRow<typeof supplierInvoices>;

/** Supplier invoices: list, read, record, edit (paid flag included). Archive: lifecycle controller. */
@Injectable()
export class SupplierInvoicesService {
  constructor(
    readonly records: SupplierInvoicesRepository,
    private readonly jobs: JobsRepository,
  ) {}

  async list(user: AuthUser, query: SupplierInvoiceListQuery): Promise<SupplierInvoicePage> {
    const filters: (SQL | undefined)[] = [
      query.jobId ? arrayContains(supplierInvoices.jobIds, [query.jobId]) : undefined,
      query.supplierCode ? eq(supplierInvoices.supplierCode, query.supplierCode) : undefined,
      query.paid === undefined ? undefined : eq(supplierInvoices.paid, query.paid),
      query.from ? gte(supplierInvoices.invoiceDate, query.from) : undefined,
      query.to ? lte(supplierInvoices.invoiceDate, query.to) : undefined,
      flagCondition(query.overdue, supplierOverdueCondition()),
    ];
    const page = await this.records.list(user, query, filters);
    return { ...page, items: await this.records.withJobs(this.records.db, page.items) };
  }

  async get(user: AuthUser, id: string): Promise<SupplierInvoice> {
    const { db } = this.records;
    return this.present(db, await this.records.require(db, user, id));
  }

  private async present(executor: Executor, row: SupplierInvoiceRecord): Promise<SupplierInvoice> {
    const lines = await this.records.linesOf(executor, row.id);
    const [header] = await this.records.withJobs(executor, [this.records.definition.toApi(row)]);
    if (!header) throw new Error(`supplier invoice ${row.id} lost its header`);
    return { ...header, lines };
  }

  create(actor: Actor, body: SupplierInvoiceCreate): Promise<SupplierInvoice> {
    return this.numberGuard(
      this.records.db.transaction(async (tx) => {
        assertNotAfterToday(body);
        const supplier = await this.supplierOf(tx, body.supplierCode ?? null, body);
        const exchangeRate = await rateToFreeze(
          tx,
          body.currency,
          body.invoiceDate,
          body.exchangeRate,
          'exchangeRate',
        );
        const lines = await this.linesFromInput(tx, actor.user, body.lines);
        const priced = priceSupplierInvoice(lines, body.currency, exchangeRate);
        const row = await this.records.create(tx, actor, {
          createdBy: actor.user.sub,
          ...supplier,
          supplierNumber: body.supplierNumber,
          invoiceDate: body.invoiceDate,
          dueDate: body.dueDate ?? null,
          currency: body.currency,
          exchangeRate,
          ...paidColumns(body.paid, body.paidOn),
          notes: body.notes ?? null,
          ...totalsColumns(priced),
        });
        await this.records.replaceLines(tx, row.id, priced.lines);
        return this.present(tx, row);
      }),
    );
  }

  update(actor: Actor, id: string, body: SupplierInvoiceUpdate): Promise<SupplierInvoice> {
    return this.numberGuard(
      this.records.db.transaction(async (tx) => {
        const before = await this.records.lockVersion(tx, actor.user, id, body.version);
        assertNotAfterToday(body);
        const merged = {
          invoiceDate: body.invoiceDate ?? before.invoiceDate,
          dueDate: body.dueDate === undefined ? before.dueDate : body.dueDate,
          currency: body.currency ?? before.currency,
          supplierCode: body.supplierCode === undefined ? before.supplierCode : body.supplierCode,
          supplierName: body.supplierName === undefined ? before.supplierName : body.supplierName,
        };
        const rateGiven =
          body.exchangeRate ?? (body.currency === undefined ? before.exchangeRate : undefined);
        const issues = supplierInvoiceIssues({ ...merged, exchangeRate: rateGiven });
        if (issues.length > 0) {
          throw new ValidationProblem(issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
        }
        const supplierChanged = body.supplierCode !== undefined || body.supplierName !== undefined;
        const supplier = supplierChanged
          ? await this.supplierOf(tx, merged.supplierCode, {
              supplierName: merged.supplierName,
              supplierTaxId: body.supplierTaxId === undefined ? before.supplierTaxId : body.supplierTaxId,
            })
          : presentOnly({ supplierTaxId: body.supplierTaxId });
        const exchangeRate = await rateToFreeze(
          tx,
          merged.currency,
          merged.invoiceDate,
          rateGiven,
          'exchangeRate',
        );
        const lines = body.lines
          ? await this.linesFromInput(tx, actor.user, body.lines)
          : (await this.records.rawLinesOf(tx, id)).map(
              ({ id: _i, supplierInvoiceId: _s, position: _p, amountTnd: _a, vatTnd: _v, ...rest }) => rest,
            );
        const priced = priceSupplierInvoice(lines, merged.currency, exchangeRate);
        await this.records.replaceLines(tx, id, priced.lines);
        const paid = body.paid ?? before.paid;
        const after = await this.records.updateLocked(tx, actor, before, {
          ...supplier,
          ...presentOnly({ supplierNumber: body.supplierNumber, notes: body.notes }),
          invoiceDate: merged.invoiceDate,
          dueDate: merged.dueDate,
          currency: merged.currency,
          exchangeRate,
          ...paidColumns(
            paid,
            body.paidOn === undefined && paid === before.paid ? before.paidOn : body.paidOn,
          ),
          ...totalsColumns(priced),
        });
        return this.present(tx, after);
      }),
    );
  }

  /** The same supplier's number recorded twice (unique index, race-proof): 409. */
  private async numberGuard<T>(work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (isUniqueViolation(error, 'supplier_invoices_number_key')) {
        throw concurrentChange('This supplier invoice number is already recorded for this supplier.');
      }
      throw error;
    }
  }

  /** The supplier's columns: the reference supplier's name and tax id unless typed in. */
  private async supplierOf(
    tx: Transaction,
    code: string | null,
    typed: { supplierName?: string | null | undefined; supplierTaxId?: string | null | undefined },
  ) {
    const reference = code ? await this.records.supplier(tx, code) : undefined;
    if (code && !reference) {
      throw new ValidationProblem([{ field: 'supplierCode', message: 'no supplier with this code' }]);
    }
    const name = typed.supplierName ?? reference?.name;
    if (!name)
      throw new ValidationProblem([{ field: 'supplierName', message: 'a supplier name is required' }]);
    return {
      supplierCode: code,
      supplierName: name,
      supplierTaxId: typed.supplierTaxId ?? reference?.taxId ?? null,
    };
  }

  /** Body lines → unpriced lines: each must be a cost line of a job the caller may see. */
  private async linesFromInput(
    tx: Transaction,
    user: AuthUser,
    lines: readonly SupplierInvoiceLineParsed[],
  ): Promise<UnpricedSupplierLine[]> {
    const charges = new Map(
      (
        await this.records.chargesByIds(
          tx,
          lines.map((l) => l.jobChargeId),
        )
      ).map((c) => [c.id, c]),
    );
    const visibleJobs = new Set<string>();
    for (const jobId of new Set([...charges.values()].map((c) => c.jobId))) {
      if (await this.jobs.find(tx, user, jobId)) visibleJobs.add(jobId);
    }
    const errors: FieldError[] = [];
    const result = lines.map((l, i): UnpricedSupplierLine => {
      const charge = charges.get(l.jobChargeId);
      if (!charge || !visibleJobs.has(charge.jobId) || charge.side !== 'cost') {
        errors.push({ field: `lines.${i}.jobChargeId`, message: 'not a cost line of a job' });
      }
      return {
        jobChargeId: l.jobChargeId,
        jobId: charge?.jobId ?? '',
        description: l.description ?? charge?.description ?? '',
        amount: l.amount,
        vatRate: l.vatRate,
        isDisbursement: l.isDisbursement,
      };
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    return result;
  }
}

/** A supplier invoice is a document received, and paid money paid: neither is dated after today. */
function assertNotAfterToday(dates: {
  invoiceDate?: string | undefined;
  paidOn?: string | null | undefined;
}) {
  const today = businessToday();
  const errors = (['invoiceDate', 'paidOn'] as const).flatMap((field) => {
    const date = dates[field];
    return date && date > today ? [{ field, message: FIELD_MESSAGES.afterToday }] : [];
  });
  if (errors.length > 0) throw new ValidationProblem(errors);
}

function paidColumns(paid: boolean, paidOn: string | null | undefined) {
  return { paid, paidOn: paid ? (paidOn ?? businessToday()) : null };
}

function totalsColumns({ lines, totals }: PricedSupplierInvoice) {
  return {
    jobIds: [...new Set(lines.map((l) => l.jobId))],
    netTnd: totals.netTnd,
    vatTnd: totals.vatTnd,
    vatBreakdown: totals.vatBreakdown,
    disbursementsTnd: totals.disbursementsTnd,
    totalTnd: totals.totalTnd,
    totalCurrency: totals.totalCurrency,
  };
}
