import { z } from 'zod';
import { MeasureSchema, type TransportMode } from './common.js';
import { Dec, fixed } from './decimal.js';

/**
 * Chargeable weight: carriers bill the greater of the real weight and a weight derived from the
 * volume, so light bulky cargo pays for the space it takes.
 */

/** Air: IATA volumetric ratio 1:6000 (6000 cm³ per kg) ≈ 167 kg per m³. */
export const AIR_KG_PER_M3 = '167';
/**
 * Road groupage (LTL): 333 kg per m³ (1:3000) — the ratio most European road carriers use; a
 * contract with another ratio is not modelled yet.
 */
export const ROAD_LTL_KG_PER_M3 = '333';
/** Sea LCL bills revenue tons: 1 m³ counts as 1 tonne (1000 kg). */
const KG_PER_TONNE = '1000';

export const ChargeableWeightUnitSchema = z.enum(['kg', 'revenue_ton']);
export type ChargeableWeightUnit = z.infer<typeof ChargeableWeightUnitSchema>;

export const ChargeableWeightSchema = z.object({ value: MeasureSchema, unit: ChargeableWeightUnitSchema });
export type ChargeableWeight = z.infer<typeof ChargeableWeightSchema>;

export interface ChargeableWeightInput {
  mode: TransportMode;
  /** Decimal string (kg); absent counts as 0. */
  grossWeightKg?: string | null;
  /** Decimal string (m³); absent counts as 0. */
  volumeM3?: string | null;
}

function measure(value: string | null | undefined, field: string): Dec {
  if (value === null || value === undefined) return new Dec(0);
  if (!MeasureSchema.safeParse(value).success) throw new RangeError(`${field}: "${value}" is not a measure`);
  return new Dec(value);
}

/**
 * The chargeable weight of a shipment, 3 decimals (ROUND_HALF_UP), or null when the mode is not
 * billed by weight (full containers, full trucks) or neither weight nor volume is known.
 */
export function chargeableWeight(input: ChargeableWeightInput): ChargeableWeight | null {
  if (input.grossWeightKg == null && input.volumeM3 == null) return null;
  const kg = measure(input.grossWeightKg, 'grossWeightKg');
  const m3 = measure(input.volumeM3, 'volumeM3');
  const result = (value: Dec, unit: ChargeableWeightUnit): ChargeableWeight => ({
    value: fixed(value, 3),
    unit,
  });

  switch (input.mode) {
    case 'air':
    case 'air_express':
      return result(Dec.max(kg, m3.times(AIR_KG_PER_M3)), 'kg');
    case 'road_ltl':
      return result(Dec.max(kg, m3.times(ROAD_LTL_KG_PER_M3)), 'kg');
    case 'sea_lcl':
      return result(Dec.max(kg.div(KG_PER_TONNE), m3), 'revenue_ton');
    case 'sea_fcl':
    case 'road_ftl':
      return null;
  }
}
