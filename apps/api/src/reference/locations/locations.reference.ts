import {
  LocationCreateSchema,
  LocationListQuerySchema,
  LocationPageSchema,
  LocationSchema,
  LocationUpdateSchema,
} from '@velosi/contracts';
import { eq, inArray } from 'drizzle-orm';
import { defineReference } from '../framework/define-reference.js';
import { locations } from './locations.table.js';

export const LOCATIONS = defineReference({
  path: 'locations',
  name: 'Locations',
  entity: 'location',
  table: locations,
  schemas: {
    create: LocationCreateSchema,
    update: LocationUpdateSchema,
    read: LocationSchema,
    query: LocationListQuerySchema,
    page: LocationPageSchema,
  },
  sort: { code: locations.code, name: locations.name, country: locations.country, kind: locations.kind },
  defaultSort: { field: 'code', direction: 'asc' },
  search: [locations.code, locations.name, locations.city, locations.country],
  filters: (query) => [
    Array.isArray(query.kind) ? inArray(locations.kind, query.kind as string[]) : undefined,
    typeof query.country === 'string' ? eq(locations.country, query.country) : undefined,
  ],
  uniqueFields: { locations_code_key: 'code' },
  csv: [
    ['code', 'Code', 'Code'],
    ['kind', 'Type', 'Kind'],
    ['name', 'Nom', 'Name'],
    ['city', 'Ville', 'City'],
    ['country', 'Pays', 'Country'],
    ['latitude', 'Latitude', 'Latitude'],
    ['longitude', 'Longitude', 'Longitude'],
    ['timezone', 'Fuseau horaire', 'Time zone'],
  ],
});
