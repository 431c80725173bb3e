import { integer, text } from 'drizzle-orm/pg-core';
import { amount } from '../../common/records/columns.js';

// The shipment a quote prices and the job opened from it carries on (JobOpening copies one into
// the other): the same columns in both tables. Imported by `*.table.ts` files, which drizzle-kit
// loads on their own: keep this file free of anything but drizzle-orm.

/** Mode, traffic, incoterm and the two route points (each a location code and/or an address). */
export const shipmentRouteColumns = () => ({
  mode: text('mode').notNull(),
  direction: text('direction').notNull(),
  incoterm: text('incoterm'),
  incotermPlace: text('incoterm_place'),
  originCode: text('origin_code'),
  originAddress: text('origin_address'),
  destinationCode: text('destination_code'),
  destinationAddress: text('destination_address'),
});

/** What is shipped, as declared: the chargeable weight is derived from it on every read. */
export const shipmentCargoColumns = () => ({
  commodity: text('commodity'),
  packagesCount: integer('packages_count'),
  grossWeightKg: amount('gross_weight_kg'),
  volumeM3: amount('volume_m3'),
});
