import { Module } from '@nestjs/common';
import { SupplierInvoiceSchema } from '@velosi/contracts';
import { ActivitiesModule } from '../activities/activities.module.js';
import { lifecycleController } from '../activities/record-lifecycle.controller.js';
import { AuditModule } from '../audit/audit.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { JobProfitService } from './domain/job-profit.service.js';
import { SupplierInvoicesService } from './domain/supplier-invoices.service.js';
import { JobProfitController, SupplierInvoicesController } from './http/supplier-invoices.controller.js';
import { JobProfitRepository } from './persistence/job-profit.repository.js';
import { SupplierInvoicesRepository } from './persistence/supplier-invoices.repository.js';

/**
 * Supplier invoices recorded against job cost lines, and the job profit table (planned vs actual vs
 * invoiced) they make actual: http/ → domain/ → persistence/.
 */
@Module({
  imports: [AuditModule, ActivitiesModule, JobsModule],
  controllers: [
    SupplierInvoicesController,
    JobProfitController,
    lifecycleController({
      path: 'api/supplier-invoices',
      service: SupplierInvoicesService,
      read: 'supplier-invoices:read',
      write: 'supplier-invoices:write',
      record: SupplierInvoiceSchema.omit({ lines: true }),
    }),
  ],
  providers: [SupplierInvoicesRepository, SupplierInvoicesService, JobProfitRepository, JobProfitService],
})
export class SupplierInvoicesModule {}
