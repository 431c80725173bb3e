import { describe, expect, it } from 'vitest';
import { chargeableWeight } from './quote-math.js';

describe('chargeable weight', () => {
  it('air: the greater of gross kg and m³ × 167', () => {
    // 4 m³ × 167 = 668 kg > 500 kg: bulky cargo pays for its volume
    expect(chargeableWeight({ mode: 'air', grossWeightKg: '500', volumeM3: '4' })).toEqual({
      value: '668.000',
      unit: 'kg',
    });
    // 2.5 m³ × 167 = 417.5 kg < 1000 kg: dense cargo pays its weight
    expect(chargeableWeight({ mode: 'air_express', grossWeightKg: '1000', volumeM3: '2.5' })).toEqual({
      value: '1000.000',
      unit: 'kg',
    });
    // 0.3 m³ × 167 = 50.1 exactly (0.3 is not exact as a float)
    expect(chargeableWeight({ mode: 'air', grossWeightKg: '12.5', volumeM3: '0.3' })?.value).toBe('50.100');
  });

  it('sea LCL: revenue tons, the greater of tonnes and m³', () => {
    // 2350 kg = 2.35 t > 1.8 m³
    expect(chargeableWeight({ mode: 'sea_lcl', grossWeightKg: '2350', volumeM3: '1.8' })).toEqual({
      value: '2.350',
      unit: 'revenue_ton',
    });
    // 800 kg = 0.8 t < 3.2 m³
    expect(chargeableWeight({ mode: 'sea_lcl', grossWeightKg: '800', volumeM3: '3.2' })?.value).toBe('3.200');
    // 1234.567 kg = 1.234567 t → 1.235 (3 decimals, half up) > 1.2 m³
    expect(chargeableWeight({ mode: 'sea_lcl', grossWeightKg: '1234.567', volumeM3: '1.2' })?.value).toBe(
      '1.235',
    );
  });

  it('road LTL: the greater of gross kg and m³ × 333', () => {
    // 5 m³ × 333 = 1665 kg > 1200 kg
    expect(chargeableWeight({ mode: 'road_ltl', grossWeightKg: '1200', volumeM3: '5' })).toEqual({
      value: '1665.000',
      unit: 'kg',
    });
  });

  it('uses what is known when weight or volume is missing', () => {
    expect(chargeableWeight({ mode: 'air', volumeM3: '1.5' })?.value).toBe('250.500');
    expect(chargeableWeight({ mode: 'air', grossWeightKg: '75', volumeM3: null })?.value).toBe('75.000');
    expect(chargeableWeight({ mode: 'air' })).toBeNull();
  });

  it('is null for full loads (billed per container or truck)', () => {
    expect(chargeableWeight({ mode: 'sea_fcl', grossWeightKg: '18000', volumeM3: '60' })).toBeNull();
    expect(chargeableWeight({ mode: 'road_ftl', grossWeightKg: '18000', volumeM3: '60' })).toBeNull();
  });

  it('refuses measures that are not non-negative decimal strings', () => {
    expect(() => chargeableWeight({ mode: 'air', grossWeightKg: '12,5' })).toThrow(/grossWeightKg/);
    expect(() => chargeableWeight({ mode: 'air', volumeM3: '-1' })).toThrow(/volumeM3/);
  });
});
