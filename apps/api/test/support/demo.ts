import type { Type } from '@nestjs/common';
import {
  demoRepositories,
  seedDemo,
  type DemoCommercial,
  type DemoSeedResult,
  type DemoSeedStep,
} from '../../src/demo/seed.js';
import { JobOpening } from '../../src/jobs/domain/job-opening.js';
import { jobSeedStep } from '../../src/jobs/demo/jobs.demo.js';
import { JobPartsRepository } from '../../src/jobs/persistence/job-parts.repository.js';
import { JobsRepository } from '../../src/jobs/persistence/jobs.repository.js';
import { quoteSeedStep } from '../../src/quotes/demo/quotes.demo.js';
import { QuotesRepository } from '../../src/quotes/persistence/quotes.repository.js';
import type { SalesApi } from './sales.js';

/** A provider of the running test API, by class (what the demo steps are built from). */
export type ProviderOf = <T>(type: Type<T>) => T;

/** The run's two demo commercials, with the subs their IdP accounts have. */
function demoCommercials(sales: SalesApi): DemoCommercial[] {
  return [
    { username: 'commercial1', sub: sales.as.commercial1.sub },
    { username: 'commercial2', sub: sales.as.commercial2.sub },
  ];
}

/**
 * Seeds the demo into a test API for its two commercials, as the demo module does at start-up:
 * the built-in records, then the `steps` made from the API's providers.
 */
export function seedTestDemo(
  sales: SalesApi,
  options: { now?: Date; steps?: (get: ProviderOf) => DemoSeedStep[] } = {},
): Promise<DemoSeedResult> {
  const get: ProviderOf = (type) => sales.api.app.get(type);
  return seedDemo(demoRepositories(get), demoCommercials(sales), {
    now: options.now,
    steps: options.steps?.(get),
  });
}

/** The demo quotes and the jobs opened from the accepted ones (steps that build on jobs come after). */
export const quoteAndJobSteps = (get: ProviderOf): DemoSeedStep[] => [
  quoteSeedStep(get(QuotesRepository)),
  jobSeedStep(get(JobOpening), get(JobsRepository), get(JobPartsRepository)),
];
