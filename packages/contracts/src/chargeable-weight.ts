import { z } from 'zod';
import { MeasureSchema } from './common.js';

export {
  AIR_KG_PER_M3,
  ROAD_LTL_KG_PER_M3,
  chargeableWeight,
  type ChargeableWeightInput,
} from './quote-math.js';

/**
 * Chargeable weight: carriers bill the greater of the real weight and a weight derived from the
 * volume, so light bulky cargo pays for the space it takes.
 */

export const ChargeableWeightUnitSchema = z.enum(['kg', 'revenue_ton']);
export type ChargeableWeightUnit = z.infer<typeof ChargeableWeightUnitSchema>;

export const ChargeableWeightSchema = z.object({ value: MeasureSchema, unit: ChargeableWeightUnitSchema });
export type ChargeableWeight = z.infer<typeof ChargeableWeightSchema>;
