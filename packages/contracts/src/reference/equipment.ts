import { z } from 'zod';
import { decimalString, text } from '../common.js';
import { referenceContracts } from './reference.js';
import { FIELD_MESSAGES } from '../problem.js';

/** ISO 6346 size-type code: length, height/width, type group + detail (22G1, 45G1, 45R1, L5G1). */
export const SizeTypeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[1-9A-HKLMNP][0-9CDEFLMNP][A-Z][0-9A-Z]$/, FIELD_MESSAGES.sizeType);

/** Twenty-foot equivalent units of one piece (20' = 1, 40' = 2, 45' = 2.25). */
export const TeuSchema = decimalString({ scale: 2, intDigits: 1, positive: true });

const equipmentFields = {
  code: SizeTypeCodeSchema,
  labelFr: text(120),
  labelEn: text(120),
  teu: TeuSchema,
  maxPayloadKg: z.number().int().min(0).max(100_000).nullish(),
  isReefer: z.boolean(),
};

export const {
  create: EquipmentCreateSchema,
  update: EquipmentUpdateSchema,
  read: EquipmentSchema,
  query: EquipmentListQuerySchema,
  page: EquipmentPageSchema,
  sortFields: EQUIPMENT_SORT_FIELDS,
} = referenceContracts({
  fields: equipmentFields,
  createDefaults: { isReefer: z.boolean().default(false) },
  sortFields: ['code', 'teu'],
});
export type EquipmentCreate = z.infer<typeof EquipmentCreateSchema>;
export type EquipmentUpdate = z.infer<typeof EquipmentUpdateSchema>;
export type Equipment = z.infer<typeof EquipmentSchema>;
export type EquipmentListQuery = z.infer<typeof EquipmentListQuerySchema>;
