import { Injectable } from '@nestjs/common';
import type { SupplierInvoiceLine, SupplierInvoiceSummary, VatRate } from '@velosi/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { concurrentChange, isUniqueViolation } from '../../common/records/problems.js';
import { recordRepositoryFor, type Executor } from '../../common/records/repository.js';
import type { Transaction } from '../../database/database.types.js';
import { jobCharges, jobs, type JobChargeRow } from '../../jobs/persistence/jobs.table.js';
import { suppliers } from '../../reference/partners/partners.table.js';
import { jobNumbersOf } from '../../jobs/persistence/job-numbers.js';
import { supplierInvoiceRecords, type SupplierInvoiceHeader } from './supplier-invoices.records.js';
import { supplierInvoiceLines, type SupplierInvoiceLineRow } from './supplier-invoices.table.js';

/** A priced line as stored (without its generated id). */
export type SupplierInvoiceLineValues = Omit<SupplierInvoiceLineRow, 'id' | 'supplierInvoiceId'>;

/** All SQL of the supplier invoice aggregate: header (generic record code), lines, job cost lines. */
@Injectable()
export class SupplierInvoicesRepository extends recordRepositoryFor(supplierInvoiceRecords) {
  /** The headers with the numbers of their jobs, one query for all of them. */
  async withJobs(
    executor: Executor,
    headers: readonly SupplierInvoiceHeader[],
  ): Promise<SupplierInvoiceSummary[]> {
    const numbers = await jobNumbersOf(
      executor,
      headers.flatMap((h) => h.jobIds),
    );
    return headers.map((h) => ({
      ...h,
      jobs: h.jobIds.flatMap((id) => {
        const number = numbers.get(id);
        return number === undefined ? [] : [{ id, number }];
      }),
    }));
  }

  async linesOf(executor: Executor, invoiceId: string): Promise<SupplierInvoiceLine[]> {
    const rows = await executor
      .select({ line: supplierInvoiceLines, jobNumber: jobs.number })
      .from(supplierInvoiceLines)
      .innerJoin(jobs, eq(jobs.id, supplierInvoiceLines.jobId))
      .where(eq(supplierInvoiceLines.supplierInvoiceId, invoiceId))
      .orderBy(asc(supplierInvoiceLines.position));
    return rows.map(({ line, jobNumber }) => ({
      id: line.id,
      position: line.position,
      jobChargeId: line.jobChargeId,
      jobId: line.jobId,
      jobNumber,
      description: line.description,
      amount: line.amount,
      vatRate: line.vatRate as VatRate,
      isDisbursement: line.isDisbursement,
      amountTnd: line.amountTnd,
      vatTnd: line.vatTnd,
    }));
  }

  rawLinesOf(executor: Executor, invoiceId: string): Promise<SupplierInvoiceLineRow[]> {
    return executor
      .select()
      .from(supplierInvoiceLines)
      .where(eq(supplierInvoiceLines.supplierInvoiceId, invoiceId))
      .orderBy(asc(supplierInvoiceLines.position));
  }

  /**
   * Replaces the lines. A job cost line already settled by another supplier invoice hits the
   * unique index (also when two requests race for it): 409, nothing written.
   */
  async replaceLines(
    tx: Transaction,
    invoiceId: string,
    lines: readonly SupplierInvoiceLineValues[],
  ): Promise<void> {
    await tx.delete(supplierInvoiceLines).where(eq(supplierInvoiceLines.supplierInvoiceId, invoiceId));
    try {
      // A savepoint, so PostgreSQL keeps the transaction usable for the 409 answer.
      await tx.transaction((inner) =>
        inner
          .insert(supplierInvoiceLines)
          .values(lines.map((line) => ({ ...line, supplierInvoiceId: invoiceId }))),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'supplier_invoice_lines_job_charge_key')) {
        throw concurrentChange(
          'A job cost line of this invoice is already settled by another supplier invoice.',
        );
      }
      throw error;
    }
  }

  /** The job lines with these ids (any side: the caller checks they are costs). */
  chargesByIds(executor: Executor, ids: readonly string[]): Promise<JobChargeRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return executor
      .select()
      .from(jobCharges)
      .where(inArray(jobCharges.id, [...ids]));
  }

  /** Name and tax id of a live reference supplier. */
  async supplier(
    executor: Executor,
    code: string,
  ): Promise<{ name: string; taxId: string | null } | undefined> {
    const [row] = await executor
      .select({ name: suppliers.name, taxId: suppliers.taxId })
      .from(suppliers)
      .where(and(eq(suppliers.code, code)));
    return row;
  }
}
