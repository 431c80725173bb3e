import type { QuoteStatus } from '@velosi/contracts';

// Option lists of the quote forms come from the contracts' zod-free vocabulary (the same lists the
// API validates with), so the editor can never offer a value the API does not know.
export {
  BASE_CURRENCY,
  COMMON_CURRENCIES as CURRENCIES,
  DEFAULT_QUOTE_VALIDITY_DAYS as DEFAULT_VALIDITY_DAYS,
  INCOTERMS,
  QUOTE_LINE_KINDS as LINE_KINDS,
  QUOTE_LINE_UNITS as LINE_UNITS,
  QUOTE_STATUSES,
  TRAFFICS as DIRECTIONS,
  TRANSPORT_MODES as MODES,
  VAT_RATES as VAT_CHOICES,
  addDaysToIsoDate as addDays,
} from '@velosi/contracts/vocabulary';

/** Containers offered first when one is added (ISO 6346): 40' HC, 20' and 40' dry, reefers. */
export const COMMON_CONTAINERS = ['45G1', '22G1', '42G1', '45R1', '22R1', 'L5G1'] as const;

/** Chip colour class per status (styles in quotes.scss). */
export function statusClass(status: QuoteStatus): string {
  return `status-${status}`;
}

/** Today as `YYYY-MM-DD` in the browser's time zone (what the user calls "today"). */
export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
