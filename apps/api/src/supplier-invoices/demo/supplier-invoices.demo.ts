import { addDaysToIsoDate, jobChargeAmountTnd } from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import type { DemoSeedStep } from '../../demo/seed.js';
import { jobCharges } from '../../jobs/persistence/jobs.table.js';
import { priceSupplierInvoice } from '../domain/supplier-invoice-pricing.js';
import type { SupplierInvoicesRepository } from '../persistence/supplier-invoices.repository.js';
import { supplierInvoiceLines } from '../persistence/supplier-invoices.table.js';

/** The delivered demo jobs (jobs/demo/jobs.demo.ts plans) whose carrier invoice was received. */
const RECEIVED: readonly {
  quoteKey: string;
  supplierName: string;
  supplierNumber: string;
  /** Days before the seeding day. */
  dated: number;
  paid: boolean;
}[] = [
  {
    quoteKey: 'sotupa-marseille-closed',
    supplierName: 'CMA CGM Tunisie',
    supplierNumber: 'CMA-TN-26-18842',
    dated: 30,
    paid: true,
  },
  {
    quoteKey: 'carthage-milano',
    supplierName: 'Trans-Med Logistics (TML)',
    supplierNumber: 'TML-2026-0412',
    dated: 3,
    paid: false,
  },
];

/**
 * Demo seed step (demo/demo-steps.ts, after the jobs; the demo seed never runs in production): the
 * carrier's invoice of a delivered job, recorded against its actual cost line at the line's own
 * currency and rate, so the job's profit table shows an invoiced cost.
 */
export function supplierInvoiceSeedStep(records: SupplierInvoicesRepository): DemoSeedStep {
  return async (ctx) => {
    let made = 0;
    for (const plan of RECEIVED) {
      const jobId = ctx.id('job', ctx.id('quote', plan.quoteKey));
      const [cost] = await ctx.tx
        .select()
        .from(jobCharges)
        .where(and(eq(jobCharges.jobId, jobId), eq(jobCharges.side, 'cost'), eq(jobCharges.stage, 'actual')));
      if (!cost) continue;
      const [taken] = await ctx.tx
        .select({ id: supplierInvoiceLines.id })
        .from(supplierInvoiceLines)
        .where(eq(supplierInvoiceLines.jobChargeId, cost.id));
      if (taken) continue;
      const priced = priceSupplierInvoice(
        [
          {
            jobChargeId: cost.id,
            jobId,
            description: cost.description,
            // quantity × unit price in the line's currency (a rate of 1), to the millime.
            amount: jobChargeAmountTnd({
              quantity: cost.quantity,
              unitPrice: cost.unitPrice,
              exchangeRate: '1',
            }),
            vatRate: 0,
            isDisbursement: false,
          },
        ],
        cost.currency,
        cost.exchangeRate,
      );
      const today = ctx.now.toISOString().slice(0, 10);
      const invoiceDate = addDaysToIsoDate(today, -plan.dated);
      const row = await records.create(ctx.tx, ctx.actor, {
        createdBy: ctx.actor.user.sub,
        supplierName: plan.supplierName,
        supplierNumber: plan.supplierNumber,
        invoiceDate,
        dueDate: addDaysToIsoDate(invoiceDate, 30),
        currency: cost.currency,
        exchangeRate: cost.exchangeRate,
        paid: plan.paid,
        paidOn: plan.paid ? addDaysToIsoDate(invoiceDate, 20) : null,
        jobIds: [jobId],
        ...priced.totals,
      });
      await records.replaceLines(ctx.tx, row.id, priced.lines);
      made++;
    }
    return { supplierInvoices: made };
  };
}
