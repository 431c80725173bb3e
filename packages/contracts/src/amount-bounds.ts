import { Dec } from './decimal.js';

/**
 * Bounds that keep every computed figure inside its column. Each field has its own cap (the
 * schemas' digit counts), but a product of capped fields does not: 1,000,000 × 1,000,000 fits
 * neither `numeric(15,3)` (12 integer digits) nor anybody's freight quote. So a line's TND
 * total is capped too, and a quote's total in its own currency — together with the 200-line cap
 * and VAT ≤ 19 %, every stored total (≤ 200 × 10⁹ × 1.19 + stamp) stays under 10¹².
 */
export const MAX_LINE_TOTAL_TND = '1000000000';
/** The largest value of a `numeric(15,3)` amount column. */
export const MAX_STORED_AMOUNT = '999999999999.999';

const DECIMAL = /^\d+(\.\d+)?$/;
const asDec = (value: string | null | undefined, fallback = '0'): Dec =>
  new Dec(value && DECIMAL.test(value) ? value : fallback);

export interface BoundedLine {
  quantity: string;
  buyUnitPrice: string;
  sellUnitPrice: string;
  exchangeRate?: string | null;
  vatRate?: number;
}

/** quantity × the larger unit price × rate to TND: the line's largest TND figure. */
export function lineTotalTnd(line: BoundedLine): Dec {
  const price = Dec.max(asDec(line.buyUnitPrice), asDec(line.sellUnitPrice));
  return asDec(line.quantity).times(price).times(asDec(line.exchangeRate, '1'));
}

export function lineTotalTooLarge(line: BoundedLine): boolean {
  return lineTotalTnd(line).gt(MAX_LINE_TOTAL_TND);
}

/**
 * True when the quote's total with VAT, converted to the quote currency at `quoteRate`, would not
 * fit an amount column (a weak quote currency divides by a small rate).
 */
export function quoteCurrencyTotalTooLarge(lines: readonly BoundedLine[], quoteRate: string): boolean {
  const rate = asDec(quoteRate, '1');
  if (rate.isZero()) return false; // the rate's own schema refuses 0
  const totalTnd = lines.reduce(
    (sum, line) =>
      sum.plus(
        lineTotalTnd(line)
          .times(new Dec(100).plus(line.vatRate ?? 0))
          .div(100),
      ),
    new Dec(0),
  );
  return totalTnd.div(rate).gt(MAX_STORED_AMOUNT);
}
