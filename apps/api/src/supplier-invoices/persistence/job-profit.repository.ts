import { Inject, Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { invoiceLines, invoices } from '../../invoices/persistence/invoices.table.js';
import { jobCharges, jobs } from '../../jobs/persistence/jobs.table.js';
import { supplierInvoiceLines, supplierInvoices } from './supplier-invoices.table.js';

/** The sums behind a job's profit table, TND excluding VAT, as exact numeric text. */
export interface JobProfitSums {
  plannedRevenue: string;
  plannedCost: string;
  actualRevenue: string;
  actualCost: string;
  invoicedRevenue: string;
  invoicedCost: string;
  revenueLinesUninvoiced: number;
  costLinesUninvoiced: number;
}

/**
 * One SQL statement per job: numeric sums in PostgreSQL (exact, never JS floats). Invoiced revenue
 * = issued invoice lines billing the job's revenue lines, minus issued credit-note lines crediting
 * those invoice lines; invoiced cost = lines of live (not archived) supplier invoices on the job.
 */
@Injectable()
export class JobProfitRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async sums(jobId: string): Promise<JobProfitSums> {
    const charge = (side: string, stage: string) =>
      sql`coalesce((select sum(${jobCharges.amountTnd}) from ${jobCharges}
        where ${jobCharges.jobId} = ${jobId} and ${jobCharges.side} = ${side} and ${jobCharges.stage} = ${stage}), 0)::text`;
    const revenueCharges = sql`(select ${jobCharges.id} from ${jobCharges}
      where ${jobCharges.jobId} = ${jobId} and ${jobCharges.side} = 'revenue')`;
    const billed = sql`(select il.id, il.amount_tnd from ${invoiceLines} il
      join ${invoices} i on i.id = il.invoice_id
      where i.status = 'issued' and i.kind = 'invoice' and il.job_charge_id in ${revenueCharges})`;
    const invoicedRevenue = sql`(coalesce((select sum(b.amount_tnd) from ${billed} b), 0)
      - coalesce((select sum(cl.amount_tnd) from ${invoiceLines} cl
          join ${invoices} c on c.id = cl.invoice_id
          where c.status = 'issued' and c.kind = 'credit_note'
            and cl.credited_line_id in (select b.id from ${billed} b)), 0))::text`;
    const invoicedCost = sql`coalesce((select sum(sl.amount_tnd) from ${supplierInvoiceLines} sl
      join ${supplierInvoices} s on s.id = sl.supplier_invoice_id
      where sl.job_id = ${jobId} and s.archived_at is null), 0)::text`;
    const uninvoicedRevenue = sql`(select count(*) from ${jobCharges} jc
      where jc.job_id = ${jobId} and jc.side = 'revenue' and jc.stage = 'actual'
        and not exists (select 1 from ${invoiceLines} il join ${invoices} i on i.id = il.invoice_id
          where il.job_charge_id = jc.id and i.status = 'issued'))::int`;
    const uninvoicedCost = sql`(select count(*) from ${jobCharges} jc
      where jc.job_id = ${jobId} and jc.side = 'cost' and jc.stage = 'actual'
        and not exists (select 1 from ${supplierInvoiceLines} sl join ${supplierInvoices} s
          on s.id = sl.supplier_invoice_id where sl.job_charge_id = jc.id and s.archived_at is null))::int`;
    const [row] = await this.database.db
      .select({
        plannedRevenue: sql<string>`${charge('revenue', 'planned')}`,
        plannedCost: sql<string>`${charge('cost', 'planned')}`,
        actualRevenue: sql<string>`${charge('revenue', 'actual')}`,
        actualCost: sql<string>`${charge('cost', 'actual')}`,
        invoicedRevenue: sql<string>`${invoicedRevenue}`,
        invoicedCost: sql<string>`${invoicedCost}`,
        revenueLinesUninvoiced: sql<number>`${uninvoicedRevenue}`,
        costLinesUninvoiced: sql<number>`${uninvoicedCost}`,
      })
      .from(jobs)
      .where(eq(jobs.id, jobId));
    if (!row) throw new Error(`no job ${jobId} for its profit`);
    return {
      ...row,
      revenueLinesUninvoiced: Number(row.revenueLinesUninvoiced),
      costLinesUninvoiced: Number(row.costLinesUninvoiced),
    };
  }
}
