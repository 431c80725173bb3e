import { revenueBasisStage, type Invoice, type JobCharge, type JobDetail } from '@velosi/contracts';
import { computeInvoiceTotals } from '@velosi/contracts/invoice-math';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

/** The reference rate of the day of a currency (`/api/exchange-rates/rate-of`), null when none. */
export interface DayRate {
  readonly date: string;
  readonly rate: string;
}

/** How a currency of the picked lines is converted in the draft. */
export interface Conversion {
  readonly currency: string;
  /** The reference rate used, null when none is published: each line keeps its job rate. */
  readonly dayRate: DayRate | null;
}

export interface JobInvoiceLine {
  readonly id: string;
  readonly description: string;
  /** What the draft's line will amount to, HT in TND. */
  readonly amountTnd: string;
}

/** The foreign currencies among the lines (the rates to read before showing amounts). */
export function foreignCurrencies(charges: readonly JobCharge[]): string[] {
  return [...new Set(charges.map((c) => c.currency).filter((c) => c !== BASE_CURRENCY))];
}

/**
 * The job lines as the draft will bill them. An invoice takes the rate of its date (docs/rules.md:
 * "a document freezes the rate it used"): POST /api/invoices/from-job converts each foreign line
 * at the latest reference rate of the day, else keeps the rate frozen on the job line
 * (apps/api/src/invoices/domain/invoice-parties.ts, lineFromJobCharge). Priced with the contracts'
 * code the API prices with, so the dialog shows the draft's amounts, not the job's.
 */
export function jobInvoiceLines(
  charges: readonly JobCharge[],
  rates: ReadonlyMap<string, DayRate | null>,
): { lines: JobInvoiceLine[]; conversions: Conversion[] } {
  const billed = charges.map((c) => ({
    ...c,
    exchangeRate:
      c.currency === BASE_CURRENCY ? c.exchangeRate : (rates.get(c.currency)?.rate ?? c.exchangeRate),
  }));
  // Only the line amounts are read: the header terms do not change them.
  const { lines } = computeInvoiceTotals(billed, {
    vatRegime: 'exempt',
    stampDuty: false,
    currency: BASE_CURRENCY,
    exchangeRate: '1',
  });
  return {
    lines: lines.map(({ id, description, amountTnd }) => ({ id, description, amountTnd })),
    conversions: foreignCurrencies(charges).map((currency) => ({
      currency,
      dayRate: rates.get(currency) ?? null,
    })),
  };
}

/**
 * The revenue lines of the job that no invoice bills yet, of the stage the job bills (its actual
 * lines once it has any, else those copied from the quote: revenueBasisStage, the API's basis). The
 * dialog offered the quote's estimates beside the actual lines, and the draft then billed neither.
 */
export function openRevenue(
  job: Pick<JobDetail, 'charges'>,
  invoices: readonly Pick<Invoice, 'lines'>[],
): JobCharge[] {
  const billed = new Set(
    invoices.flatMap((i) => i.lines.flatMap((l) => (l.jobChargeId ? [l.jobChargeId] : []))),
  );
  const stage = revenueBasisStage(job.charges);
  return job.charges.filter((c) => c.side === 'revenue' && c.stage === stage && !billed.has(c.id));
}
