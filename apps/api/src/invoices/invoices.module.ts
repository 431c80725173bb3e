import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MailModule } from '../mail/mail.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { InvoiceDocuments } from './documents/invoice-documents.js';
import { BilledChargeLock } from './domain/billed-charge-lock.js';
import { InvoiceIssueService } from './domain/invoice-issue.service.js';
import { InvoiceParties } from './domain/invoice-parties.js';
import { InvoicesService } from './domain/invoices.service.js';
import { SalesJournal } from './domain/sales-journal.js';
import { InvoiceActionsController } from './http/invoice-actions.controller.js';
import { InvoicesController } from './http/invoices.controller.js';
import { SalesJournalController } from './http/sales-journal.controller.js';
import { InvoicesRepository } from './persistence/invoices.repository.js';

/**
 * Customer invoices and credit notes: http/ → domain/ → persistence/, documents/ (stored PDF,
 * e-mail). Payments and receivables build on `InvoicesRepository` (exported).
 */
@Module({
  imports: [AuditModule, JobsModule, MailModule, ReferenceModule],
  controllers: [SalesJournalController, InvoicesController, InvoiceActionsController],
  providers: [
    InvoicesRepository,
    InvoiceParties,
    InvoicesService,
    InvoiceIssueService,
    InvoiceDocuments,
    SalesJournal,
    BilledChargeLock,
  ],
  exports: [InvoicesRepository, InvoiceParties],
})
export class InvoicesModule {}
