import {
  chargeableWeight,
  type Incoterm,
  type RoutePoint,
  type Traffic,
  type TransportMode,
} from '@velosi/contracts';
import type { shipmentCargoColumns, shipmentRouteColumns } from './shipment-columns.js';
import type { QuoteRow } from './quotes.table.js';

// Row ↔ API of the shipment columns a quote and its job share (shipment-columns.ts); a job row
// has the same column types as a quote row there.

type RouteRow = Pick<QuoteRow, keyof ReturnType<typeof shipmentRouteColumns>>;
type CargoRow = Pick<QuoteRow, 'mode' | keyof ReturnType<typeof shipmentCargoColumns>>;

/** Mode, traffic, incoterm and the route points of a row. */
export function toShipmentRoute(row: RouteRow) {
  return {
    mode: row.mode as TransportMode,
    direction: row.direction as Traffic,
    incoterm: row.incoterm as Incoterm | null,
    incotermPlace: row.incotermPlace,
    origin: { locationCode: row.originCode, address: row.originAddress },
    destination: { locationCode: row.destinationCode, address: row.destinationAddress },
  };
}

/** The declared cargo of a row and its chargeable weight. */
export function toShipmentCargo(row: CargoRow) {
  return {
    commodity: row.commodity,
    packagesCount: row.packagesCount,
    grossWeightKg: row.grossWeightKg,
    volumeM3: row.volumeM3,
    // Derived from mode, weight and volume on every read, so it can never disagree with them.
    chargeableWeight: chargeableWeight({
      mode: row.mode as TransportMode,
      grossWeightKg: row.grossWeightKg,
      volumeM3: row.volumeM3,
    }),
  };
}

/** The route points present in a create or PATCH body → their two columns each. */
export function routePointColumns({
  origin,
  destination,
}: {
  origin?: RoutePoint;
  destination?: RoutePoint;
}) {
  return {
    ...(origin === undefined
      ? {}
      : { originCode: origin.locationCode ?? null, originAddress: origin.address ?? null }),
    ...(destination === undefined
      ? {}
      : {
          destinationCode: destination.locationCode ?? null,
          destinationAddress: destination.address ?? null,
        }),
  };
}
