import { Injectable } from '@angular/core';
import {
  DateAdapter,
  MAT_NATIVE_DATE_FORMATS,
  MatDateFormats,
  NativeDateAdapter,
} from '@angular/material/core';
import { dateLocale } from '../../../core/i18n/languages';

/** How a date is shown in a date field: all digits, in the order of the language (15/12/2026). */
const NUMERIC_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

/** Material's native formats (calendar headers, screen-reader labels), with the all-digit input text. */
export const ISO_DATE_FORMATS: MatDateFormats = {
  ...MAT_NATIVE_DATE_FORMATS,
  display: { ...MAT_NATIVE_DATE_FORMATS.display, dateInput: NUMERIC_DATE },
};

/** What DateAdapter.invalid() stands for: truthy (Material reads a falsy value as "no date"), never a date. */
const INVALID = 'invalid';

type Part = 'day' | 'month' | 'year';

/**
 * Order of day, month and year in an all-digit date of `lang`, as the browser's Intl writes it (the
 * same Intl the app formats its dates with, see LocalDatePipe): day/month/year in both (dateLocale).
 */
export function numericDateOrder(lang: string): Part[] {
  return new Intl.DateTimeFormat(dateLocale(lang), NUMERIC_DATE)
    .formatToParts(new Date(2026, 11, 15))
    .map((part) => part.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
}

/** `yyyy-MM-dd` of a calendar date, or null when there is no such day (31/02, month 13…). */
export function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMERIC_TEXT = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date typed in a date field → `yyyy-MM-dd`; null for an empty field; `undefined` when refused.
 * Accepted: ISO `2026-12-15`, and digits in the order of the language with `/`, `.` or `-` between
 * them (`15/12/2026` in both: English is British English, see dateLocale), the year in full.
 * Anything else — a day that does not exist, a two-digit year, words — is refused rather than read
 * as some other date.
 */
export function parseDateText(text: string, order: readonly Part[]): string | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  const iso = ISO_TEXT.exec(value);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? undefined;
  const numeric = NUMERIC_TEXT.exec(value);
  if (!numeric) return undefined;
  const at = (part: Part) => Number(numeric[order.indexOf(part) + 1]);
  return isoOf(at('year'), at('month'), at('day')) ?? undefined;
}

/**
 * Material's DateAdapter over the value the forms and the API already use, the `yyyy-MM-dd` string:
 * bound to a MatDatepicker input, the form control receives that string (or null) directly, and the
 * input's own validators (unparseable text, min, max) sit on that control. Calendar arithmetic and
 * every localised name or format are Material's NativeDateAdapter's, on a local Date; only the typed
 * text is read here (parseDateText). The locale is the UI language, set with setLocale.
 */
@Injectable()
export class IsoDateAdapter extends DateAdapter<string, string> {
  private readonly native = new NativeDateAdapter();
  private order: Part[] = [];

  constructor() {
    super();
    // French until the field sets the UI language: the staff's working language.
    this.setLocale('fr');
  }

  override setLocale(locale: string): void {
    if (locale === this.locale) return;
    this.native.setLocale(dateLocale(locale));
    this.order = numericDateOrder(locale);
    super.setLocale(locale);
  }

  getYear(date: string): number {
    return Number(date.slice(0, 4));
  }
  getMonth(date: string): number {
    return Number(date.slice(5, 7)) - 1;
  }
  getDate(date: string): number {
    return Number(date.slice(8, 10));
  }
  getDayOfWeek(date: string): number {
    return this.toDate(date).getDay();
  }
  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    return this.native.getMonthNames(style);
  }
  getDateNames(): string[] {
    return this.native.getDateNames();
  }
  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    return this.native.getDayOfWeekNames(style);
  }
  getYearName(date: string): string {
    return this.native.getYearName(this.toDate(date));
  }
  getFirstDayOfWeek(): number {
    return this.native.getFirstDayOfWeek();
  }
  getNumDaysInMonth(date: string): number {
    return this.native.getNumDaysInMonth(this.toDate(date));
  }
  clone(date: string): string {
    return date;
  }
  createDate(year: number, month: number, date: number): string {
    return this.fromDate(this.native.createDate(year, month, date));
  }
  today(): string {
    return this.fromDate(this.native.today());
  }
  parse(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    const parsed = parseDateText(value, this.order);
    return parsed === undefined ? INVALID : parsed;
  }
  format(date: string, displayFormat: Intl.DateTimeFormatOptions): string {
    return this.native.format(this.toDate(date), displayFormat);
  }
  addCalendarYears(date: string, years: number): string {
    return this.fromDate(this.native.addCalendarYears(this.toDate(date), years));
  }
  addCalendarMonths(date: string, months: number): string {
    return this.fromDate(this.native.addCalendarMonths(this.toDate(date), months));
  }
  addCalendarDays(date: string, days: number): string {
    return this.fromDate(this.native.addCalendarDays(this.toDate(date), days));
  }
  toIso8601(date: string): string {
    return date;
  }
  isDateInstance(obj: unknown): boolean {
    return typeof obj === 'string';
  }
  isValid(date: string): boolean {
    const iso = ISO_TEXT.exec(date);
    return !!iso && isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) === date;
  }
  invalid(): string {
    return INVALID;
  }

  /** An empty form value (`''`, what the forms start blank with) is no date, not an invalid one. */
  override deserialize(value: unknown): string | null {
    return value === '' ? null : super.deserialize(value);
  }

  private toDate(date: string): Date {
    return this.native.createDate(this.getYear(date), this.getMonth(date), this.getDate(date));
  }

  private fromDate(date: Date): string {
    return isoOf(date.getFullYear(), date.getMonth() + 1, date.getDate()) ?? INVALID;
  }
}
