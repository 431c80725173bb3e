import {
  AirlineCreateSchema,
  AirlineListQuerySchema,
  AirlinePageSchema,
  AirlineSchema,
  AirlineUpdateSchema,
  HaulierCreateSchema,
  HaulierListQuerySchema,
  HaulierPageSchema,
  HaulierSchema,
  HaulierUpdateSchema,
  ShippingLineCreateSchema,
  ShippingLineListQuerySchema,
  ShippingLinePageSchema,
  ShippingLineSchema,
  ShippingLineUpdateSchema,
  VesselCreateSchema,
  VesselListQuerySchema,
  VesselPageSchema,
  VesselSchema,
  VesselUpdateSchema,
} from '@velosi/contracts';
import { defineReference, equalsIfGiven } from '../framework/define-reference.js';
import { airlines, hauliers, shippingLines, vessels } from './carriers.table.js';

/** Export columns of the contact details hauliers, suppliers and agents share. */
export const CONTACT_CSV = [
  ['phone', 'Téléphone', 'Phone'],
  ['email', 'E-mail', 'E-mail'],
  ['address', 'Adresse', 'Address'],
  ['city', 'Ville', 'City'],
  ['country', 'Pays', 'Country'],
] as const;

export const SHIPPING_LINES = defineReference({
  path: 'shipping-lines',
  name: 'ShippingLines',
  entity: 'shipping_line',
  table: shippingLines,
  schemas: {
    create: ShippingLineCreateSchema,
    update: ShippingLineUpdateSchema,
    read: ShippingLineSchema,
    query: ShippingLineListQuerySchema,
    page: ShippingLinePageSchema,
  },
  sort: { code: shippingLines.code, name: shippingLines.name, scac: shippingLines.scac },
  defaultSort: { field: 'name', direction: 'asc' },
  search: [shippingLines.code, shippingLines.name, shippingLines.scac],
  codePrefix: 'ARM',
  uniqueFields: { shipping_lines_scac_key: 'scac' },
  csv: [
    ['code', 'Code', 'Code'],
    ['name', 'Nom', 'Name'],
    ['scac', 'SCAC', 'SCAC'],
    ['website', 'Site web', 'Website'],
    ['trackingUrlTemplate', 'Lien de suivi', 'Tracking URL'],
  ],
});

export const AIRLINES = defineReference({
  path: 'airlines',
  name: 'Airlines',
  entity: 'airline',
  table: airlines,
  schemas: {
    create: AirlineCreateSchema,
    update: AirlineUpdateSchema,
    read: AirlineSchema,
    query: AirlineListQuerySchema,
    page: AirlinePageSchema,
  },
  sort: { code: airlines.code, name: airlines.name, iataCode: airlines.iataCode },
  defaultSort: { field: 'name', direction: 'asc' },
  search: [airlines.code, airlines.name, airlines.iataCode, airlines.awbPrefix],
  codePrefix: 'CIE',
  uniqueFields: { airlines_awb_prefix_key: 'awbPrefix' },
  csv: [
    ['code', 'Code', 'Code'],
    ['name', 'Nom', 'Name'],
    ['iataCode', 'Code IATA', 'IATA code'],
    ['awbPrefix', 'Préfixe LTA', 'AWB prefix'],
    ['website', 'Site web', 'Website'],
  ],
});

export const HAULIERS = defineReference({
  path: 'hauliers',
  name: 'Hauliers',
  entity: 'haulier',
  table: hauliers,
  schemas: {
    create: HaulierCreateSchema,
    update: HaulierUpdateSchema,
    read: HaulierSchema,
    query: HaulierListQuerySchema,
    page: HaulierPageSchema,
  },
  sort: { code: hauliers.code, name: hauliers.name, city: hauliers.city },
  defaultSort: { field: 'name', direction: 'asc' },
  search: [hauliers.code, hauliers.name, hauliers.city, hauliers.taxId],
  filters: (query) => [equalsIfGiven(hauliers.country, query.country)],
  codePrefix: 'TRP',
  csv: [
    ['code', 'Code', 'Code'],
    ['name', 'Nom', 'Name'],
    ['taxId', 'Matricule fiscal', 'Tax id'],
    ...CONTACT_CSV,
  ],
});

export const VESSELS = defineReference({
  path: 'vessels',
  name: 'Vessels',
  entity: 'vessel',
  table: vessels,
  schemas: {
    create: VesselCreateSchema,
    update: VesselUpdateSchema,
    read: VesselSchema,
    query: VesselListQuerySchema,
    page: VesselPageSchema,
  },
  sort: { name: vessels.name, imo: vessels.imo },
  defaultSort: { field: 'name', direction: 'asc' },
  search: [vessels.name, vessels.imo],
  filters: (query) => [equalsIfGiven(vessels.shippingLineId, query.shippingLineId)],
  uniqueFields: { vessels_imo_key: 'imo' },
  csv: [
    ['name', 'Nom', 'Name'],
    ['imo', 'IMO', 'IMO'],
    ['flag', 'Pavillon', 'Flag'],
    ['shippingLineId', 'Armateur (id)', 'Shipping line (id)'],
  ],
});
