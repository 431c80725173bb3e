import type { Type } from '@nestjs/common';
import { JobOpening } from '../jobs/domain/job-opening.js';
import { jobSeedStep } from '../jobs/demo/jobs.demo.js';
import { InvoicesRepository } from '../invoices/persistence/invoices.repository.js';
import { paymentSeedStep } from '../payments/demo/payments.demo.js';
import { PaymentsService } from '../payments/domain/payments.service.js';
import { JobPartsRepository } from '../jobs/persistence/job-parts.repository.js';
import { JobsRepository } from '../jobs/persistence/jobs.repository.js';
import { VESSELS } from '../reference/carriers/carriers.reference.js';
import { vesselSeedStep } from '../reference/carriers/vessels.demo.js';
import { EXCHANGE_RATES } from '../reference/exchange-rates/exchange-rates.reference.js';
import { exchangeRateSeedStep } from '../reference/exchange-rates/exchange-rates.demo.js';
import { referenceServiceType } from '../reference/reference.module.js';
import { quoteSeedStep } from '../quotes/demo/quotes.demo.js';
import { QuotesRepository } from '../quotes/persistence/quotes.repository.js';
import { salesTargetSeedStep } from '../sales-targets/demo/sales-targets.demo.js';
import { supplierInvoiceSeedStep } from '../supplier-invoices/demo/supplier-invoices.demo.js';
import { SupplierInvoicesRepository } from '../supplier-invoices/persistence/supplier-invoices.repository.js';
import { SalesTargetsRepository } from '../sales-targets/sales-targets.repository.js';
import { historySeedStep } from './history/history.demo.js';
import { demoRepositories, type DemoSeedStep } from './seed.js';

/**
 * Extra demo steps run for each commercial after clients, contacts, leads, opportunities and
 * activities (see DemoSeedContext for what they can link to), built on the app's repositories.
 * Exchange rates and vessels come first (quotes, jobs and the dashboard read them); then the year
 * of history, so its quotes take the lower numbers of their years.
 */
export function demoSeedSteps(get: <T>(type: Type<T>) => T): readonly DemoSeedStep[] {
  return [
    exchangeRateSeedStep(get(referenceServiceType(EXCHANGE_RATES))),
    vesselSeedStep(get(referenceServiceType(VESSELS))),
    historySeedStep(demoRepositories(get), get(QuotesRepository)),
    quoteSeedStep(get(QuotesRepository)),
    jobSeedStep(get(JobOpening), get(JobsRepository), get(JobPartsRepository)),
    supplierInvoiceSeedStep(get(SupplierInvoicesRepository)),
    salesTargetSeedStep(get(SalesTargetsRepository)),
    paymentSeedStep(get(InvoicesRepository), get(PaymentsService)),
  ];
}
