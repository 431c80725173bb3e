import { z } from 'zod';
import { CountryCodeSchema, line, optionalText, queryListSchema } from '../common.js';
import { LocationCodeSchema } from '../quotes/quotes.js';
import { FIELD_MESSAGES } from '../problem.js';
import { isTimeZone } from './intl-codes.js';
import { referenceContracts } from './reference.js';

/** Sea ports and airports come from the shipped data sets; inland points are added by hand. */
export const LOCATION_KINDS = ['seaport', 'airport', 'inland', 'rail', 'road'] as const;
export const LocationKindSchema = z.enum(LOCATION_KINDS);
export type LocationKind = z.infer<typeof LocationKindSchema>;

/** Port (UN/LOCODE `TNRDS`), airport (IATA `TUN`) or inland point (UN/LOCODE). */
const locationFields = {
  code: LocationCodeSchema,
  kind: LocationKindSchema,
  name: line(200),
  city: optionalText(100),
  country: CountryCodeSchema,
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  /** IANA time zone (`Africa/Tunis`): ETD/ETA are local times of the place. */
  timezone: optionalText(64).refine((v) => v == null || isTimeZone(v), FIELD_MESSAGES.timeZone),
};

export const {
  create: LocationCreateSchema,
  update: LocationUpdateSchema,
  read: LocationSchema,
  query: LocationListQuerySchema,
  page: LocationPageSchema,
  sortFields: LOCATION_SORT_FIELDS,
} = referenceContracts({
  fields: locationFields,
  sortFields: ['code', 'name', 'country', 'kind'],
  filters: { kind: queryListSchema(LocationKindSchema).optional(), country: CountryCodeSchema.optional() },
});
export type LocationCreate = z.infer<typeof LocationCreateSchema>;
export type LocationUpdate = z.infer<typeof LocationUpdateSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type LocationListQuery = z.infer<typeof LocationListQuerySchema>;
export type LocationPage = z.infer<typeof LocationPageSchema>;

/** "Radès (TNRDS)": how pages, PDFs and the public link name a place. */
export function locationLabel(
  location: { code: string; name: string } | null | undefined,
  code?: string | null,
): string {
  if (location) return `${location.name} (${location.code})`;
  return code ?? '';
}
