import type {
  ContainerType,
  Incoterm,
  QuoteLineKind,
  QuoteLineUnit,
  QuoteStatus,
  TransportMode,
  Traffic,
  VatRate,
} from '@velosi/contracts';

// Option lists of the quote forms. `satisfies` ties each list to the contract's type, so a value
// the API does not know cannot be offered (the lists are not imported at runtime: that would pull zod).

export const QUOTE_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'cancelled',
  'expired',
  'superseded',
] as const satisfies readonly QuoteStatus[];

export const MODES = [
  'sea_fcl',
  'sea_lcl',
  'air',
  'air_express',
  'road_ftl',
  'road_ltl',
] as const satisfies readonly TransportMode[];

export const DIRECTIONS = ['import', 'export'] as const satisfies readonly Traffic[];

export const INCOTERMS = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const satisfies readonly Incoterm[];

export const CONTAINER_TYPES = [
  '20DV',
  '40DV',
  '40HC',
  '20RF',
  '40RF',
  '20OT',
  '40OT',
  '20FR',
  '40FR',
] as const satisfies readonly ContainerType[];

export const LINE_KINDS = ['freight', 'additional_cost'] as const satisfies readonly QuoteLineKind[];

export const LINE_UNITS = [
  'per_container',
  'kg',
  'm3',
  'revenue_ton',
  'shipment',
  'per_pallet',
  'per_package',
  'per_document',
  'per_day',
] as const satisfies readonly QuoteLineUnit[];

/** VAT_RATES of the contracts (19 standard, 7 reduced, 0 exempt). */
export const VAT_CHOICES = [19, 7, 0] as const satisfies readonly VatRate[];

export const CURRENCIES = ['TND', 'EUR', 'USD', 'GBP', 'CHF', 'CNY', 'TRY', 'AED'] as const;

export const BASE_CURRENCY = 'TND';
export const DEFAULT_VALIDITY_DAYS = 15;

/** Chip colour class per status (styles in quotes.scss). */
export function statusClass(status: QuoteStatus): string {
  return `status-${status}`;
}

/** `2026-01-20` + n days, on the calendar (UTC) so no time zone shifts a day. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today as `YYYY-MM-DD` in the browser's time zone (what the user calls "today"). */
export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * A decimal string for display: thousands separators in the UI language, exactly `places`
 * decimals (3 for TND: millimes). The value is already rounded by the shared math; only the
 * grouping is added here, on the string, so no float ever touches the amount.
 */
export function formatDecimal(value: string | null | undefined, lang: string, places = 3): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [intPart = '0', frac = ''] = (negative ? value.slice(1) : value).split('.');
  const groupSep = lang.startsWith('fr') ? '\u202f' : ',';
  const decimalSep = lang.startsWith('fr') ? ',' : '.';
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  const fraction = places > 0 ? decimalSep + frac.padEnd(places, '0').slice(0, places) : '';
  return `${negative ? '-' : ''}${grouped}${fraction}`;
}

/** Money: 3 decimals for TND (millimes); other currencies as priced, at least 2 decimals. */
export function formatMoney(value: string | null | undefined, currency: string, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const given = value.split('.')[1]?.length ?? 0;
  const places = currency === BASE_CURRENCY ? 3 : Math.max(2, given);
  return `${formatDecimal(value, lang, places)} ${currency}`;
}
