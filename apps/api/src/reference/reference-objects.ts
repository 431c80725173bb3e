import { AIRLINES, HAULIERS, SHIPPING_LINES, VESSELS } from './carriers/carriers.reference.js';
import { CHARGE_TYPES } from './charge-types/charge-types.reference.js';
import { EQUIPMENT } from './equipment/equipment.reference.js';
import { EXCHANGE_RATES } from './exchange-rates/exchange-rates.reference.js';
import type { ReferenceDataset } from './framework/reference-data.loader.js';
import type { AnyReferenceObject } from './framework/reference-object.js';
import { LOCATION_DATASETS } from './locations/location-datasets.js';
import { LOCATIONS } from './locations/locations.reference.js';
import { AGENTS, SUPPLIERS } from './partners/partners.reference.js';
import { STARTER_DATASETS } from './starter-lists.js';

/** Every reference object served under /api/<path> (one declaration each). */
export const REFERENCE_OBJECTS: readonly AnyReferenceObject[] = [
  LOCATIONS,
  EQUIPMENT,
  CHARGE_TYPES,
  EXCHANGE_RATES,
  SHIPPING_LINES,
  AIRLINES,
  HAULIERS,
  VESSELS,
  SUPPLIERS,
  AGENTS,
];

/** Data sets loaded at first start (ports, airports, starter lists). */
export const REFERENCE_DATA: readonly ReferenceDataset[] = [...LOCATION_DATASETS, ...STARTER_DATASETS];
