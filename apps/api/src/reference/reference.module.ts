import { Module, type Type } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { CountriesController } from './countries/countries.controller.js';
import { RateOfDateController } from './exchange-rates/rate-of-date.controller.js';
import { RateOfDate } from './exchange-rates/rate-of-date.js';
import { ReferenceDataLoader, REFERENCE_DATASETS } from './framework/reference-data.loader.js';
import { referenceControllers, referenceServiceProvider } from './framework/reference.controller.js';
import type { ReferenceService } from './framework/reference.service.js';
import { REFERENCE_DATA, REFERENCE_OBJECTS } from './reference-objects.js';
import type { RecordTable } from '../common/records/repository.js';

type AnyReferenceService = ReferenceService<RecordTable, Record<string, unknown>, string>;

const services = new Map(REFERENCE_OBJECTS.map((object) => [object.path, referenceServiceProvider(object)]));

/** The Nest token of a reference object's service, e.g. to write exchange rates from the demo seed. */
export function referenceServiceType(object: { path: string }): Type<AnyReferenceService> {
  const type = services.get(object.path);
  if (!type) throw new Error(`no reference object at ${object.path}`);
  return type;
}

const controllers: Type[] = REFERENCE_OBJECTS.flatMap((object) =>
  referenceControllers(object, services.get(object.path) as Type),
);

/**
 * Reference data (docs/rules.md): locations, carriers, partners, equipment, charge types, exchange
 * rates, countries and currencies. Everyone with `reference:read` reads; ADMIN writes.
 */
@Module({
  // ActivitiesModule: the shared lifecycle controller injects TimelineService.
  imports: [AuditModule, ActivitiesModule],
  controllers: [CountriesController, RateOfDateController, ...controllers],
  providers: [
    ...services.values(),
    RateOfDate,
    ReferenceDataLoader,
    { provide: REFERENCE_DATASETS, useValue: REFERENCE_DATA },
  ],
  exports: [...services.values(), RateOfDate],
})
export class ReferenceModule {}
