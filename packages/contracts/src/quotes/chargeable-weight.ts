import { z } from 'zod';
import { MeasureSchema } from '../common.js';
import type { ChargeableWeight, ChargeableWeightUnit } from './quote-math.js';

/**
 * Chargeable weight: carriers bill the greater of the real weight and a weight derived from the
 * volume, so light bulky cargo pays for the space it takes (computed by quote-math's
 * chargeableWeight, which the SPA runs too).
 */
export const ChargeableWeightUnitSchema = z.enum([
  'kg',
  'revenue_ton',
]) satisfies z.ZodType<ChargeableWeightUnit>;

export const ChargeableWeightSchema = z.object({
  value: MeasureSchema,
  unit: ChargeableWeightUnitSchema,
}) satisfies z.ZodType<ChargeableWeight>;
