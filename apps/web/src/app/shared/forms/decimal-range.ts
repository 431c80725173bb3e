import type { ValidationErrors } from '@angular/forms';

/** Longest run the probes try: beyond any contract's integer digits or scale. */
const PROBE = 20;

/** The largest n for which `sample(n)` matches the pattern (0 when none does). */
function largest(pattern: RegExp, sample: (n: number) => string): number {
  let best = 0;
  for (let n = 1; n <= PROBE; n++) if (pattern.test(sample(n))) best = n;
  return best;
}

/**
 * Why a well-formed number (`^-?\d+(\.\d+)?$`, not negative) fails the contract's pattern, so the
 * field says so instead of "number expected": `tooLarge` ({ digits }) when its integer part has more
 * digits than the pattern allows, `tooManyDecimals` ({ decimals }) when its fraction is longer;
 * anything else (leading zeros …) stays `decimal`. The limits are read off the pattern itself by
 * probing it, so every contract pattern (amounts, rates) gives its own.
 */
export function decimalRangeError(value: string, pattern: RegExp): ValidationErrors {
  const [integer = '', fraction = ''] = value.replace(/^-/, '').split('.');
  const digits = largest(pattern, (n) => '9'.repeat(n));
  const decimals = largest(pattern, (n) => `1.${'1'.repeat(n)}`);
  if (integer.replace(/^0+(?=\d)/, '').length > digits) return { tooLarge: { digits } };
  if (fraction.length > decimals) return { tooManyDecimals: { decimals } };
  return { decimal: true };
}
