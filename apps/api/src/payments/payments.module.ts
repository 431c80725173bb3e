import { Module } from '@nestjs/common';
import { AuditLogModule } from '../audit/audit-log.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { InvoicesModule } from '../invoices/invoices.module.js';
import { PaymentsService } from './domain/payments.service.js';
import { PaymentsController } from './http/payments.controller.js';
import { PaymentsRepository } from './persistence/payments.repository.js';

/** Customer payments: http/ → domain/ → persistence/, on the invoices' settlement sums. */
@Module({
  imports: [AuditModule, AuditLogModule, InvoicesModule],
  controllers: [PaymentsController],
  providers: [PaymentsRepository, PaymentsService],
  exports: [PaymentsRepository],
})
export class PaymentsModule {}
