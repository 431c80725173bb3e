import type { QuoteStatus } from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { formatDecimal as groupDigits } from '../../shared/sales/money';

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

/**
 * A decimal string for display: exactly `places` decimals (3 for TND: millimes), grouped in the
 * UI language by the shared sales formatting. The value is already rounded by the shared math;
 * only the padding is done here, on the string, so no float ever touches the amount.
 */
export function formatDecimal(value: string | null | undefined, lang: string, places = 3): string {
  if (value === null || value === undefined || value === '') return '—';
  const [intPart = '0', frac = ''] = value.split('.');
  return groupDigits(places > 0 ? `${intPart}.${frac.padEnd(places, '0').slice(0, places)}` : intPart, lang);
}

/** A quantity, weight or volume with its significant decimals only: `42 000`, `12,25`, `1,5`. */
export function formatQuantity(value: string | null | undefined, lang: string): string {
  const places = (value?.split('.')[1] ?? '').replace(/0+$/, '').length;
  return formatDecimal(value, lang, places);
}

/** Money: 3 decimals for TND (millimes); other currencies as priced, at least 2 decimals. */
export function formatMoney(value: string | null | undefined, currency: string, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const given = value.split('.')[1]?.length ?? 0;
  const places = currency === BASE_CURRENCY ? 3 : Math.max(2, given);
  return `${formatDecimal(value, lang, places)} ${currency}`;
}
