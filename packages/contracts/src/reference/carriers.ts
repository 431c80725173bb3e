import { z } from 'zod';
import {
  CountryCodeSchema,
  PhoneSchema,
  line,
  EmailSchema,
  EntityIdSchema,
  optionalText,
} from '../common.js';
import { ReadableCodeSchema, referenceContracts } from './reference.js';
import { FIELD_MESSAGES } from '../problem.js';

const assignedCode = { code: ReadableCodeSchema };
const WebUrlSchema = z.url({ protocol: /^https?$/ }).max(500);

// ------------------------------------------------------------------------------ shipping lines

/** Standard Carrier Alpha Code (NMFTA): 2 to 4 capital letters (MAEU, CMDU). */
export const ScacSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,4}$/, 'expected a SCAC of 2 to 4 letters such as CMDU');

export const {
  create: ShippingLineCreateSchema,
  update: ShippingLineUpdateSchema,
  read: ShippingLineSchema,
  query: ShippingLineListQuerySchema,
  page: ShippingLinePageSchema,
  sortFields: SHIPPING_LINE_SORT_FIELDS,
} = referenceContracts({
  fields: {
    name: line(200),
    scac: ScacSchema.nullish(),
    website: WebUrlSchema.nullish(),
    /** Tracking page with `{reference}` where the B/L or container number goes. */
    trackingUrlTemplate: WebUrlSchema.nullish(),
  },
  assigned: assignedCode,
  sortFields: ['code', 'name', 'scac'],
});
export type ShippingLineCreate = z.infer<typeof ShippingLineCreateSchema>;
export type ShippingLine = z.infer<typeof ShippingLineSchema>;

// ------------------------------------------------------------------------------------ airlines

export const {
  create: AirlineCreateSchema,
  update: AirlineUpdateSchema,
  read: AirlineSchema,
  query: AirlineListQuerySchema,
  page: AirlinePageSchema,
  sortFields: AIRLINE_SORT_FIELDS,
} = referenceContracts({
  fields: {
    name: line(200),
    /** IATA airline designator: 2 characters (TU, AF). */
    iataCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9]{2}$/, FIELD_MESSAGES.airlineCode)
      .nullish(),
    /** Air waybill prefix: 3 digits (Tunisair 199). */
    awbPrefix: z
      .string()
      .regex(/^\d{3}$/, 'expected the 3-digit AWB prefix such as 199')
      .nullish(),
    website: WebUrlSchema.nullish(),
  },
  assigned: assignedCode,
  sortFields: ['code', 'name', 'iataCode'],
});
export type AirlineCreate = z.infer<typeof AirlineCreateSchema>;
export type Airline = z.infer<typeof AirlineSchema>;

// ------------------------------------------------------------------------------------ hauliers

/** Contact details shared by hauliers, suppliers and agents. */
export const partnerContactFields = {
  phone: PhoneSchema.nullish(),
  email: EmailSchema.nullish(),
  address: optionalText(500),
  city: optionalText(100),
  country: CountryCodeSchema,
};

export const {
  create: HaulierCreateSchema,
  update: HaulierUpdateSchema,
  read: HaulierSchema,
  query: HaulierListQuerySchema,
  page: HaulierPageSchema,
  sortFields: HAULIER_SORT_FIELDS,
} = referenceContracts({
  fields: { name: line(200), taxId: optionalText(50), ...partnerContactFields },
  createDefaults: { country: CountryCodeSchema.default('TN') },
  assigned: assignedCode,
  sortFields: ['code', 'name', 'city'],
  filters: { country: CountryCodeSchema.optional() },
});
export type HaulierCreate = z.infer<typeof HaulierCreateSchema>;
export type Haulier = z.infer<typeof HaulierSchema>;

// ------------------------------------------------------------------------------------- vessels

/**
 * IMO ship number: 7 digits, the last one the check digit — the sum of the first six multiplied
 * by 7, 6, 5, 4, 3, 2, modulo 10 (IMO 9074729: 9×7+0×6+7×5+4×4+7×3+2×2 = 139 → 9).
 */
export function isValidImo(value: string): boolean {
  if (!/^\d{7}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 6).reduce((acc, digit, i) => acc + digit * (7 - i), 0);
  return sum % 10 === digits[6];
}

export const ImoSchema = z
  .string()
  .trim()
  .overwrite((v) => v.replace(/^IMO\s*/i, ''))
  .refine(isValidImo, FIELD_MESSAGES.imoNumber);

export const {
  create: VesselCreateSchema,
  update: VesselUpdateSchema,
  read: VesselSchema,
  query: VesselListQuerySchema,
  page: VesselPageSchema,
  sortFields: VESSEL_SORT_FIELDS,
} = referenceContracts({
  fields: {
    name: line(200),
    imo: ImoSchema,
    /** Flag state. */
    flag: CountryCodeSchema.nullish(),
    shippingLineId: EntityIdSchema.nullish(),
  },
  sortFields: ['name', 'imo'],
  filters: { shippingLineId: EntityIdSchema.optional() },
});
export type VesselCreate = z.infer<typeof VesselCreateSchema>;
export type Vessel = z.infer<typeof VesselSchema>;
