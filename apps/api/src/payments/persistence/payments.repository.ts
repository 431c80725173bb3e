import { Injectable } from '@nestjs/common';
import type { PaymentAllocation } from '@velosi/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import { nextInSeriesYear, yearlyNumberSql } from '../../common/numbering/yearly-counter.js';
import { recordRepositoryFor, type Executor } from '../../common/records/repository.js';
import type { Transaction } from '../../database/database.types.js';
import { invoiceCounters, invoices } from '../../invoices/persistence/invoices.table.js';
import { paymentRecords } from './payments.records.js';
import { paymentAllocations, payments, type PaymentAllocationRow } from './payments.table.js';

/** Receipt numbers share the finance counter table (`invoice_counters`), series `R`. */
const RECEIPT_SERIES = 'R';

/** All SQL of the payment aggregate: header (generic record code), allocations, receipt numbers. */
@Injectable()
export class PaymentsRepository extends recordRepositoryFor(paymentRecords) {
  /**
   * The next `R{YYYY}-{NNNNN}`: the counter upsert holds the (R, year) row lock until COMMIT, so
   * receipt numbers are gapless (a rolled-back payment gives its number back).
   */
  async nextNumber(tx: Transaction, year: number): Promise<{ number: string; sequence: number }> {
    const counter = nextInSeriesYear(tx, invoiceCounters, RECEIPT_SERIES, year);
    const [row] = await tx
      .with(counter)
      .select({ sequence: counter.last, number: yearlyNumberSql(RECEIPT_SERIES, year, sql`${counter.last}`) })
      .from(counter);
    if (!row) throw new Error('no receipt number handed out');
    return { number: row.number, sequence: Number(row.sequence) };
  }

  async insertAllocations(
    tx: Transaction,
    paymentId: string,
    rows: readonly Omit<PaymentAllocationRow, 'id' | 'paymentId'>[],
  ): Promise<void> {
    await tx.insert(paymentAllocations).values(rows.map((r) => ({ ...r, paymentId })));
  }

  allocationRowsOf(executor: Executor, paymentId: string): Promise<PaymentAllocationRow[]> {
    return executor.select().from(paymentAllocations).where(eq(paymentAllocations.paymentId, paymentId));
  }

  /** A payment's allocations with the invoice numbers, in invoice-number order. */
  allocationsOf(executor: Executor, paymentId: string): Promise<PaymentAllocation[]> {
    return executor
      .select({
        id: paymentAllocations.id,
        invoiceId: paymentAllocations.invoiceId,
        invoiceNumber: invoices.number,
        amount: paymentAllocations.amount,
        withholdingAmount: paymentAllocations.withholdingAmount,
      })
      .from(paymentAllocations)
      .innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
      .where(eq(paymentAllocations.paymentId, paymentId))
      .orderBy(asc(invoices.number));
  }

  /** Ids of the payments with an allocation on this invoice (list filter `invoiceId`). */
  paidInvoiceCondition(invoiceId: string) {
    return sql`exists (select 1 from ${paymentAllocations} where ${paymentAllocations.paymentId} = ${payments.id}
      and ${paymentAllocations.invoiceId} = ${invoiceId})`;
  }
}
