import { Pipe, PipeTransform } from '@angular/core';
import { dateLocale } from '../../core/i18n/languages';

const FORMATS = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * `{{ iso | localDate: lang }}` — a date in the UI language with the browser's Intl, so no Angular
 * locale data has to be bundled and registered per language. Pass the active language so the
 * (pure) pipe reruns on a language switch.
 */
@Pipe({ name: 'localDate' })
export class LocalDatePipe implements PipeTransform {
  transform(
    value: string | number | null | undefined,
    lang: string,
    format: keyof typeof FORMATS = 'date',
  ): string {
    return formatLocalDate(value, lang, format);
  }
}

/** The pipe's text, for code that builds a cell's text (e.g. a table of declared columns). */
export function formatLocalDate(
  value: string | number | null | undefined,
  lang: string,
  format: keyof typeof FORMATS = 'date',
): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(dateLocale(lang), FORMATS[format]).format(date);
}
