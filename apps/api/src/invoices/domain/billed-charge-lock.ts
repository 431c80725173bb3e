import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobPartsService } from '../../jobs/domain/job-parts.service.js';
import { JobsService } from '../../jobs/domain/jobs.service.js';
import { InvoicesRepository } from '../persistence/invoices.repository.js';

/**
 * A job line an invoice bills — a draft included — is frozen on the job: changing or deleting it
 * would leave the invoice saying one thing and the job's profit another (the invoiced column sums
 * the invoice lines that name a job line). Corrections go through the invoice: take the line off
 * the draft, or credit the issued invoice and bill a new line. The job's detail names the invoice
 * of each billed line, so its page shows them frozen. Likewise a job its invoices still bill is
 * not cancelled. Registered on the jobs module, which comes before invoices and so cannot ask them
 * itself.
 */
@Injectable()
export class BilledChargeLock implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly parts: JobPartsService,
    private readonly repository: InvoicesRepository,
  ) {}

  onModuleInit(): void {
    this.parts.onChargeChange(async (tx, charge) => {
      const billing = (await this.repository.invoiceBillings(tx, [charge.id])).get(charge.id);
      if (!billing) return undefined;
      const name = billing.invoiceNumber ? `invoice ${billing.invoiceNumber}` : 'a draft invoice';
      return {
        detail: `This line is billed by ${name}: correct it on the invoice (a draft's lines, or a credit note).`,
        facts: billing,
      };
    });
    this.jobs.checkCancelWith(async (tx, job) => {
      const billing = await this.repository.billingJob(tx, job.id);
      return billing.invoiceNumbers.length > 0 || billing.draftInvoices > 0 ? billing : undefined;
    });
    this.jobs.readChargeBillingWith(async (executor, charges) =>
      Object.fromEntries(
        await this.repository.invoiceBillings(
          executor,
          charges.map((c) => c.id),
        ),
      ),
    );
  }
}
