import type { SalesTargetPeriod } from '@velosi/contracts';
import { dateLocale } from '../../core/i18n/languages';

/** The period presets of the picker; "custom" keeps the dates typed. */
export const PERIOD_PRESETS = ['month', 'quarter', 'year', 'last12'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** `from`/`to` of a preset ending today (calendar dates, computed in UTC from today's date). */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [year = 2000, month = 1] = today.split('-').map(Number);
  const first = (y: number, m: number) => iso(new Date(Date.UTC(y, m - 1, 1)));
  switch (preset) {
    case 'month':
      return { from: first(year, month), to: today };
    case 'quarter':
      return { from: first(year, month - ((month - 1) % 3)), to: today };
    case 'year':
      return { from: first(year, 1), to: today };
    case 'last12':
      return { from: first(year, month - 11), to: today };
  }
}

/** First day of the month, quarter or year holding `day` (the API wants the period's first day). */
export function periodStartOf(period: SalesTargetPeriod, day: string): string {
  const [year = '2000', month = '01'] = day.split('-');
  if (period === 'year') return `${year}-01-01`;
  if (period === 'quarter')
    return `${year}-${String(Math.floor((Number(month) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return `${year}-${month}-01`;
}

/** How the targets panel names a target's period: a translation key and its parameters. */
export interface PeriodName {
  readonly key: string;
  readonly params: { readonly year: string; readonly quarter?: number; readonly month?: string };
}

/**
 * A target's period as people say it: "décembre 2026" / "December 2026" (the month by Intl in
 * `lang`), "T4 2026" / "Q4 2026", "Année 2026" (keys under `targets.of`); never its first day.
 */
export function periodName(period: SalesTargetPeriod, periodStart: string, lang: string): PeriodName {
  const [year = '2000', month = '01'] = periodStart.split('-');
  if (period === 'year') return { key: 'targets.of.year', params: { year } };
  if (period === 'quarter') {
    return { key: 'targets.of.quarter', params: { year, quarter: Math.floor((Number(month) - 1) / 3) + 1 } };
  }
  const format = new Intl.DateTimeFormat(dateLocale(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    key: 'targets.of.month',
    params: { year, month: format.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1))) },
  };
}
