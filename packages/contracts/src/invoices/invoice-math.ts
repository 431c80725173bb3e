// Zod-free: the few decimal operations invoicing needs beyond the quote totals (remaining
// quantities to credit, credit-limit checks), on the contracts' decimal.js clone — never JS numbers.
import { Dec, fixed, parseDecimal } from '../decimal.js';

/** a − b, 3 decimals. */
export function subtractAmounts(a: string, b: string): string {
  return fixed(parseDecimal(a, 'a').minus(parseDecimal(b, 'b')), 3);
}

/** Sum of amounts, 3 decimals. */
export function sumAmounts(values: readonly string[]): string {
  return fixed(
    values.reduce((acc, v, i) => acc.plus(parseDecimal(v, `value ${i + 1}`)), new Dec(0)),
    3,
  );
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareAmounts(a: string, b: string): number {
  return parseDecimal(a, 'a').comparedTo(parseDecimal(b, 'b'));
}
