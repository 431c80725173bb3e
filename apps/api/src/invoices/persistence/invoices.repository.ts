import { Injectable } from '@nestjs/common';
import type { InvoiceSummary, JobCancelRefusal } from '@velosi/contracts';
import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { Transaction } from '../../database/database.types.js';
import { nextInSeriesYear, yearlyNumberSql } from '../../common/numbering/yearly-counter.js';
import { concurrentChange, isUniqueViolation } from '../../common/records/problems.js';
import { recordRepositoryFor, type Executor } from '../../common/records/repository.js';
import { openTndSql, receivableCondition, totalAmountSql } from './invoice-settlement.js';
import { jobNumbersOf } from '../../jobs/persistence/job-numbers.js';
import { invoiceRecords, type InvoiceHeader } from './invoices.records.js';
import {
  invoiceCounters,
  invoiceDocuments,
  invoiceLines,
  invoices,
  type InvoiceLineRow,
  type InvoiceRow,
} from './invoices.table.js';

/** A priced line as stored (without its generated id). */
export type InvoiceLineValues = Omit<InvoiceLineRow, 'id' | 'invoiceId'>;

/** The two number series: invoices `F2026-00042`, credit notes `AV2026-00007`. */
export type InvoiceSeries = 'F' | 'AV';

/** All SQL of the invoice aggregate: header (generic record code), lines, numbers, stored PDFs. */
@Injectable()
export class InvoicesRepository extends recordRepositoryFor(invoiceRecords) {
  /** The headers with the number of their job, one query for all of them. */
  async withJobNumbers(executor: Executor, headers: readonly InvoiceHeader[]): Promise<InvoiceSummary[]> {
    const numbers = await jobNumbersOf(
      executor,
      headers.map((h) => h.jobId),
    );
    return headers.map((h) => ({ ...h, jobNumber: (h.jobId && numbers.get(h.jobId)) ?? null }));
  }

  linesOf(executor: Executor, invoiceId: string): Promise<InvoiceLineRow[]> {
    return executor
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId))
      .orderBy(asc(invoiceLines.position));
  }

  /**
   * Replaces a draft's lines. A job line already billed by another invoice hits the unique index
   * (also when two drafts race for it): 409, nothing written.
   */
  async replaceLines(tx: Transaction, invoiceId: string, lines: readonly InvoiceLineValues[]): Promise<void> {
    await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
    if (lines.length === 0) return;
    try {
      // A savepoint, so PostgreSQL keeps the transaction usable for the 409 answer.
      await tx.transaction((inner) =>
        inner.insert(invoiceLines).values(lines.map((line) => ({ ...line, invoiceId }))),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'invoice_lines_job_charge_key')) {
        throw concurrentChange('A job line of this invoice is already billed by another invoice.');
      }
      throw error;
    }
  }

  /** The invoices that bill these job lines (drafts included: their number is still null). */
  async invoiceBillings(
    executor: Executor,
    jobChargeIds: readonly string[],
  ): Promise<Map<string, { invoiceId: string; invoiceNumber: string | null }>> {
    if (jobChargeIds.length === 0) return new Map();
    const rows = await executor
      .select({ chargeId: invoiceLines.jobChargeId, invoiceId: invoices.id, invoiceNumber: invoices.number })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(inArray(invoiceLines.jobChargeId, [...jobChargeIds]));
    return new Map(rows.flatMap(({ chargeId, ...billing }) => (chargeId ? [[chargeId, billing]] : [])));
  }

  /**
   * The invoices that still bill a job: drafts, and issued invoices not wholly credited (paid ones
   * included: the money was taken for this job).
   */
  async billingJob(executor: Executor, jobId: string): Promise<JobCancelRefusal> {
    const rows = await executor
      .select({ status: invoices.status, number: invoices.number })
      .from(invoices)
      .where(
        and(
          eq(invoices.jobId, jobId),
          eq(invoices.kind, 'invoice'),
          or(eq(invoices.status, 'draft'), sql`${invoices.creditedAmount} < ${totalAmountSql}`),
        ),
      )
      .orderBy(invoices.number);
    return {
      invoiceNumbers: rows.flatMap((r) => (r.status === 'issued' && r.number ? [r.number] : [])),
      draftInvoices: rows.filter((r) => r.status === 'draft').length,
    };
  }

  /**
   * Writes the next number of `series` for the issue year onto the row: the counter upsert takes
   * the (series, year) row lock until COMMIT, so numbers are gapless and unique across instances.
   */
  async assignNumber(tx: Transaction, id: string, series: InvoiceSeries, year: number): Promise<string> {
    const counter = nextInSeriesYear(tx, invoiceCounters, series, year);
    const [row] = await tx
      .with(counter)
      .update(invoices)
      .set({
        year,
        sequence: sql`${counter.last}`,
        number: yearlyNumberSql(series, year, sql`${counter.last}`),
      })
      .from(counter)
      .where(eq(invoices.id, id))
      .returning({ number: invoices.number });
    if (!row?.number) throw new Error(`no number written on invoice ${id}`);
    return row.number;
  }

  /** Quantities already credited per invoice line (issued credit notes). */
  async creditedQuantities(executor: Executor, invoiceId: string): Promise<Map<string, string>> {
    const original = sql`(select ${invoiceLines.id} from ${invoiceLines} where ${invoiceLines.invoiceId} = ${invoiceId})`;
    const rows = await executor
      .select({
        lineId: invoiceLines.creditedLineId,
        quantity: sql<string>`sum(${invoiceLines.quantity})::text`,
      })
      .from(invoiceLines)
      .where(sql`${invoiceLines.creditedLineId} in ${original}`)
      .groupBy(invoiceLines.creditedLineId);
    return new Map(rows.flatMap((r) => (r.lineId ? [[r.lineId, r.quantity] as const] : [])));
  }

  /** Credit notes issued against an invoice. */
  creditNotesOf(executor: Executor, invoiceId: string): Promise<InvoiceRow[]> {
    return executor.select().from(invoices).where(eq(invoices.creditedInvoiceId, invoiceId));
  }

  /**
   * What a client still owes, TND: the open amounts of their issued invoices (net of credit
   * notes and payments, invoice-settlement.ts). The credit-limit check and receivables use it.
   */
  async openBalance(executor: Executor, clientId: string): Promise<string> {
    const [row] = await executor
      .select({ balance: sql<string>`coalesce(sum(${openTndSql}), 0)::text` })
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), receivableCondition));
    return row?.balance ?? '0';
  }

  /**
   * Moves an invoice's running credited/paid sums (signed deltas, invoice currency). Callers hold
   * the row lock (`lockForSettlement` or `require(..., { lock: true })`) in the same transaction.
   */
  async addSettlement(
    tx: Transaction,
    invoiceId: string,
    delta: { credited?: string; paid?: string },
  ): Promise<void> {
    await tx
      .update(invoices)
      .set({
        creditedAmount: sql`${invoices.creditedAmount} + ${delta.credited ?? '0'}::numeric`,
        paidAmount: sql`${invoices.paidAmount} + ${delta.paid ?? '0'}::numeric`,
      })
      .where(eq(invoices.id, invoiceId));
  }

  /**
   * Locks the given invoices (FOR UPDATE, in id order so two payments never deadlock) and reads
   * them: two payments on one invoice settle it one after the other, never both against the
   * same open amount.
   */
  lockForSettlement(tx: Transaction, ids: readonly string[]): Promise<InvoiceRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return tx
      .select()
      .from(invoices)
      .where(inArray(invoices.id, [...ids]))
      .orderBy(asc(invoices.id))
      .for('update');
  }

  async storedPdf(
    executor: Executor,
    invoiceId: string,
  ): Promise<{ bytes: Buffer; filename: string } | undefined> {
    const [row] = await executor
      .select({ bytes: invoiceDocuments.bytes, filename: invoiceDocuments.filename })
      .from(invoiceDocuments)
      .where(eq(invoiceDocuments.invoiceId, invoiceId));
    return row ? { bytes: Buffer.from(row.bytes), filename: row.filename } : undefined;
  }

  /** Stores the PDF once: a second render (a race) is dropped, the first bytes stay for good. */
  async storePdf(executor: Executor, invoiceId: string, filename: string, bytes: Buffer): Promise<void> {
    await executor
      .insert(invoiceDocuments)
      .values({ invoiceId, filename, contentType: 'application/pdf', bytes })
      .onConflictDoNothing({ target: invoiceDocuments.invoiceId });
  }

  /** Issued invoices and credit notes dated within [from, to], in number order. */
  issuedBetween(executor: Executor, from: string, to: string): Promise<InvoiceRow[]> {
    return executor
      .select()
      .from(invoices)
      .where(
        and(eq(invoices.status, 'issued'), gte(invoices.invoiceDate, from), lte(invoices.invoiceDate, to)),
      )
      .orderBy(asc(invoices.invoiceDate), asc(invoices.kind), asc(invoices.number))
      .limit(50_000);
  }
}
