import { Decimal } from 'decimal.js';

/**
 * The decimal constructor of the contracts' calculations. A private clone, so our precision and
 * rounding never leak into (or depend on) other users of decimal.js. 64 significant digits hold
 * any product of a 15-digit quantity, a 15-digit price and a 12-digit rate without rounding.
 * Internal: not re-exported from index.ts.
 */
export const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Plain decimal notation only: decimal.js would also take "1e3", "0x10" or "Infinity". */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** True for a plain decimal string (what parseDecimal accepts). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

/** A decimal string → Dec; a RangeError naming `field` otherwise (a caller bug, not user input). */
export function parseDecimal(value: string, field: string): Dec {
  if (!DECIMAL.test(value)) throw new RangeError(`${field}: "${value}" is not a decimal string`);
  return new Dec(value);
}

/**
 * True when both strings are decimals of different value ("1.50" and "1.5" are equal). False when
 * either is not a decimal: zod still runs object refinements after a field's regex failed, and
 * that field's own issue already tells the user what is wrong.
 */
export function decimalsDiffer(a: string, b: string): boolean {
  return DECIMAL.test(a) && DECIMAL.test(b) && !new Dec(a).eq(b);
}

/** Round to `places` decimals, halves away from zero, as a fixed string that is never "-0.000". */
export function fixed(value: Dec, places: number): string {
  const rounded = value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  return (rounded.isZero() ? new Dec(0) : rounded).toFixed(places);
}
