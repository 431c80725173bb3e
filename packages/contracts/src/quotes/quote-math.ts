// Zod-free on purpose: the SPA imports this file alone (`@velosi/contracts/quote-math`) to show
// live totals with the exact code the API runs, without pulling zod and every schema into its
// bundle. The shapes it computes are declared here; quote-totals.ts and chargeable-weight.ts
// declare the schemas that validate them (checked against these types), importing from here only.
import type { TransportMode } from '../common.js';
import { Dec, fixed, parseDecimal } from '../decimal.js';
import { BASE_CURRENCY, VAT_RATES } from '../vocabulary.js';

/** A VAT rate of Tunisia (percent). */
export type VatRate = (typeof VAT_RATES)[number];

/** Figures of one line, in TND (decimal strings). */
export interface QuoteLineTotals {
  buyTotalTnd: string;
  sellTotalTnd: string;
  marginTnd: string;
  /** Margin / sell × 100 with 2 decimals; null when the line sells for 0. */
  marginPercent: string | null;
  vatTnd: string;
}

export interface VatBreakdownEntry {
  rate: VatRate;
  /** Sum of the (non-disbursement) sell totals taxed at this rate. */
  baseTnd: string;
  vatTnd: string;
}

/** Figures of a whole quote, in TND (decimal strings). */
export interface QuoteTotals {
  buyTnd: string;
  /** Everything billed before tax, disbursements included. */
  sellTnd: string;
  marginTnd: string;
  /** Margin over sell WITHOUT disbursements (débours are not turnover); null when that is 0. */
  marginPercent: string | null;
  vatTnd: string;
  /** One entry per VAT rate used by a non-disbursement line, highest rate first. */
  vatBreakdown: VatBreakdownEntry[];
  disbursementsTnd: string;
  stampDutyTnd: string;
  /** sell (incl. débours) + VAT + stamp duty. */
  totalTnd: string;
  /** The grand total in the quote currency (total TND / its rate); null for TND quotes. */
  quoteCurrency: { currency: string; exchangeRate: string; totalAmount: string } | null;
}

export type ChargeableWeightUnit = 'kg' | 'revenue_ton';

/** What the carrier bills: kg (air, road) or revenue tons (sea LCL). */
export interface ChargeableWeight {
  value: string;
  unit: ChargeableWeightUnit;
}

const TND = BASE_CURRENCY;

function vatRate(value: number): VatRate {
  const rate = VAT_RATES.find((r) => r === value);
  if (rate === undefined) throw new RangeError(`VAT rate ${value} is not one of ${VAT_RATES.join(', ')}`);
  return rate;
}

/** Timbre fiscal: a fixed duty added once per invoice-like document (TND). */
export const DEFAULT_STAMP_DUTY_TND = '1.000';

/** The fields of a quote line the totals depend on (a `QuoteLineInput` fits). */
export interface QuoteTotalsLineInput {
  quantity: string;
  buyUnitPrice: string;
  sellUnitPrice: string;
  /** TND per unit of the line currency, frozen on the quote; absent for TND lines (= 1). */
  exchangeRate?: string | null;
  vatRate: number;
  /** Débours: paid on the client's behalf, re-billed at cost, no VAT and no margin. */
  isDisbursement?: boolean | null;
}

export interface QuoteTotalsOptions {
  /**
   * Stamp duty in TND. Absent: `DEFAULT_STAMP_DUTY_TND`; `false` (or "0"): none — e.g. when
   * the document is not invoice-like or the client is exempt.
   */
  stampDuty?: string | false;
  /** Quote currency; when it is not TND, `quoteCurrency` totals are given too. */
  currency?: string;
  /** TND per unit of the quote currency; required when `currency` is not TND. */
  exchangeRate?: string | null;
}

export interface QuoteTotalsResult {
  /** Per-line figures, in the order of the input lines. */
  lines: QuoteLineTotals[];
  totals: QuoteTotals;
}

/** Money rounds to the millime (3 decimals), halves away from zero, as printed on the quote. */
function roundMoney(value: Dec): Dec {
  return value.toDecimalPlaces(3, Dec.ROUND_HALF_UP);
}

function money(value: Dec): string {
  return fixed(value, 3);
}

// A margin % beyond ±999,999.99 (selling at a millime what cost a fortune) means nothing and
// would not fit its `numeric(8,2)` column: shown as "not applicable", like a zero sell total.
const PERCENT_LIMIT = new Dec('999999.99');

function percentOf(part: Dec, whole: Dec): string | null {
  if (whole.isZero()) return null;
  const percent = part.div(whole).times(100);
  return percent.abs().gt(PERCENT_LIMIT) ? null : fixed(percent, 2);
}

interface LineFigures {
  buy: Dec;
  sell: Dec;
  margin: Dec;
  vat: Dec;
}

function lineFigures(line: QuoteTotalsLineInput, index: number): LineFigures {
  const at = `line ${index + 1}`;
  const qty = parseDecimal(line.quantity, `${at} quantity`);
  const rate = line.exchangeRate ? parseDecimal(line.exchangeRate, `${at} exchangeRate`) : new Dec(1);
  const buy = roundMoney(qty.times(parseDecimal(line.buyUnitPrice, `${at} buyUnitPrice`)).times(rate));
  const sell = roundMoney(qty.times(parseDecimal(line.sellUnitPrice, `${at} sellUnitPrice`)).times(rate));
  if (line.isDisbursement) return { buy, sell, margin: new Dec(0), vat: new Dec(0) };
  // VAT is computed on the rounded TND sell total: the figure printed on the line is the base.
  return { buy, sell, margin: sell.minus(buy), vat: roundMoney(sell.times(line.vatRate).div(100)) };
}

function presentLine(f: LineFigures): QuoteLineTotals {
  return {
    buyTotalTnd: money(f.buy),
    sellTotalTnd: money(f.sell),
    marginTnd: money(f.margin),
    marginPercent: percentOf(f.margin, f.sell),
    vatTnd: money(f.vat),
  };
}

/**
 * "Total HT" as the customer reads it (PDF, public page): débours are re-billed at cost outside
 * the taxable base, so HT is the sell total without them.
 */
export function totalExclVatTnd(totals: Pick<QuoteTotals, 'sellTnd' | 'disbursementsTnd'>): string {
  return fixed(new Dec(totals.sellTnd).minus(totals.disbursementsTnd), 3);
}

/** The figures of one line (what the line editor shows as the user types). */
export function computeLineTotals(line: QuoteTotalsLineInput, index = 0): QuoteLineTotals {
  return presentLine(lineFigures(line, index));
}

/**
 * Totals of a quote's lines, all in TND (plus the grand total in the quote currency).
 *
 * Rounding rule: each line's buy, sell and VAT are rounded to 3 decimals (ROUND_HALF_UP) first,
 * and the totals are sums of those rounded line values — so the printed lines always add up to
 * the printed totals (rounding the exact sum instead could differ by a millime or more).
 *
 * An empty quote has no stamp duty: it is not a document anyone is billed on yet.
 */
export function computeQuoteTotals(
  lines: readonly QuoteTotalsLineInput[],
  options: QuoteTotalsOptions = {},
): QuoteTotalsResult {
  const zero = new Dec(0);
  let buy = zero;
  let sell = zero;
  let margin = zero;
  let vat = zero;
  let disbursements = zero;
  const byRate = new Map<VatRate, { base: Dec; vat: Dec }>();

  const lineTotals = lines.map((line, index) => {
    const f = lineFigures(line, index);
    buy = buy.plus(f.buy);
    sell = sell.plus(f.sell);
    margin = margin.plus(f.margin);
    vat = vat.plus(f.vat);
    if (line.isDisbursement) {
      disbursements = disbursements.plus(f.sell);
    } else {
      const rate = vatRate(line.vatRate);
      const entry = byRate.get(rate) ?? { base: zero, vat: zero };
      byRate.set(rate, { base: entry.base.plus(f.sell), vat: entry.vat.plus(f.vat) });
    }
    return presentLine(f);
  });

  const stampDuty =
    lines.length === 0 || options.stampDuty === false
      ? zero
      : roundMoney(parseDecimal(options.stampDuty ?? DEFAULT_STAMP_DUTY_TND, 'stampDuty'));
  const total = sell.plus(vat).plus(stampDuty);

  return {
    lines: lineTotals,
    totals: {
      buyTnd: money(buy),
      sellTnd: money(sell),
      marginTnd: money(margin),
      marginPercent: percentOf(margin, sell.minus(disbursements)),
      vatTnd: money(vat),
      vatBreakdown: [...byRate.entries()]
        .sort(([a], [b]) => b - a)
        .map(([rate, entry]) => ({ rate, baseTnd: money(entry.base), vatTnd: money(entry.vat) })),
      disbursementsTnd: money(disbursements),
      stampDutyTnd: money(stampDuty),
      totalTnd: money(total),
      quoteCurrency: inQuoteCurrency(total, options),
    },
  };
}

function inQuoteCurrency(totalTnd: Dec, options: QuoteTotalsOptions): QuoteTotals['quoteCurrency'] {
  const currency = options.currency ?? TND;
  if (currency === TND) return null;
  if (!options.exchangeRate) throw new RangeError(`a ${currency} quote needs its exchange rate to TND`);
  return { currency, exchangeRate: options.exchangeRate, totalAmount: tndIn(totalTnd, options.exchangeRate) };
}

/** A TND amount in a currency of `exchangeRate` TND per unit, rounded as every amount (money). */
export function tndIn(amountTnd: Dec | string, exchangeRate: string): string {
  const rate = parseDecimal(exchangeRate, 'exchangeRate');
  if (!rate.isPositive() || rate.isZero()) throw new RangeError('exchangeRate must be greater than 0');
  return money(new Dec(amountTnd).div(rate));
}

// ------------------------------------------------------------------------- chargeable weight

/** Same pattern as `MeasureSchema` (common.ts): up to 12 integer digits and 3 decimals, no sign. */
const MEASURE = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,3})?$/;

/** Air: IATA volumetric ratio 1:6000 (6000 cm³ per kg) ≈ 167 kg per m³. */
export const AIR_KG_PER_M3 = '167';
/**
 * Road groupage (LTL): 333 kg per m³ (1:3000) — the ratio most European road carriers use; a
 * contract with another ratio is not modelled yet.
 */
export const ROAD_LTL_KG_PER_M3 = '333';
/** Sea LCL bills revenue tons: 1 m³ counts as 1 tonne (1000 kg). */
const KG_PER_TONNE = '1000';

export interface ChargeableWeightInput {
  mode: TransportMode;
  /** Decimal string (kg); absent counts as 0. */
  grossWeightKg?: string | null;
  /** Decimal string (m³); absent counts as 0. */
  volumeM3?: string | null;
}

function measure(value: string | null | undefined, field: string): Dec {
  if (value === null || value === undefined) return new Dec(0);
  if (!MEASURE.test(value)) throw new RangeError(`${field}: "${value}" is not a measure`);
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
