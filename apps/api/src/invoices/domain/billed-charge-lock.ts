import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobPartsService } from '../../jobs/domain/job-parts.service.js';
import { InvoicesRepository } from '../persistence/invoices.repository.js';

/**
 * A job line an invoice bills — a draft included — is frozen on the job: changing or deleting it
 * would leave the invoice saying one thing and the job's profit another (the invoiced column sums
 * the invoice lines that name a job line). Corrections go through the invoice: take the line off
 * the draft, or credit the issued invoice and bill a new line. Registered on the jobs module,
 * which comes before invoices and so cannot ask them itself.
 */
@Injectable()
export class BilledChargeLock implements OnModuleInit {
  constructor(
    private readonly parts: JobPartsService,
    private readonly repository: InvoicesRepository,
  ) {}

  onModuleInit(): void {
    this.parts.onChargeChange(async (tx, charge) => {
      const invoice = await this.repository.invoiceBilling(tx, charge.id);
      if (!invoice) return undefined;
      const name = invoice.number ? `invoice ${invoice.number}` : 'a draft invoice';
      return {
        detail: `This line is billed by ${name}: correct it on the invoice (a draft's lines, or a credit note).`,
        facts: { invoiceId: invoice.id, invoiceNumber: invoice.number },
      };
    });
  }
}
