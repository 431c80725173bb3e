import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { MailModule } from '../mail/mail.module.js';
import { ReceivablesController } from './receivables.controller.js';
import { ReceivablesRepository } from './receivables.repository.js';
import { ReceivablesService } from './receivables.service.js';

/**
 * Receivables: what clients owe, read from the invoices' settlement sums
 * (invoices/persistence/invoice-settlement.ts) and aggregated in SQL.
 */
@Module({
  imports: [AuditModule, MailModule],
  controllers: [ReceivablesController],
  providers: [ReceivablesRepository, ReceivablesService],
  // The dashboard's receivables card reads the same totals.
  exports: [ReceivablesService],
})
export class ReceivablesModule {}
