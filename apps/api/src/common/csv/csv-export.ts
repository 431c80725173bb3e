import { StreamableFile } from '@nestjs/common';
import { DOCUMENT_LANGUAGES } from '@velosi/contracts';
import Papa from 'papaparse';
import { z } from 'zod';
import { BUSINESS_TIME_ZONE } from '../business-day.js';
import type { CsvWords } from './csv-words.js';

/** Most rows one export answers: beyond, narrow the filters (the file says how many were left out). */
export const MAX_EXPORT_ROWS = 50_000;

/** `?sep=;` (default: what Excel expects in French locales) or `,`; `lang` picks the header labels. */
export const ExportOptionsShape = {
  sep: z.enum([';', ',']).default(';'),
  lang: z.enum(DOCUMENT_LANGUAGES).default('fr'),
};
export type ExportOptions = { sep: ';' | ','; lang: 'fr' | 'en' };

/** A column of an export of `T` rows: the read shape's field and its header in each language. */
export interface CsvColumn<T extends object = Record<string, unknown>> {
  field: string;
  fr: string;
  en: string;
  /** The cell of a row when it is not `row[field]` (a nested total, a flattened link, words). */
  value?(row: T, lang: ExportOptions['lang']): unknown;
}

/**
 * A column of codes (`open`, `sea_fcl`, a list of them, a yes/no) that reads in the export's
 * language with the words the SPA shows for them (csv-words.ts); a code without words stays as it is.
 */
export function wordsColumn<T extends object>(
  column: Omit<CsvColumn<T>, 'value'>,
  words: CsvWords,
): CsvColumn<T> {
  return {
    ...column,
    value: (row, lang) => {
      const say = (code: unknown) =>
        typeof code === 'string' || typeof code === 'boolean' ? (words[lang][String(code)] ?? code) : code;
      const code = (row as Record<string, unknown>)[column.field];
      return Array.isArray(code) ? code.map(say) : say(code);
    },
  };
}

const localDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as a spreadsheet cell: `2026-12-07 07:31`, Tunis time (the business's clock, see
 * business-day.ts) — not a UTC ISO stamp; year first, so Excel reads it in either language.
 */
export function csvDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = Object.fromEntries(localDateTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

/** A column of instants (`createdAt`, `sentAt` …) written as csvDateTime writes them. */
export function dateTimeColumn<T extends object>(column: Omit<CsvColumn<T>, 'value'>): CsvColumn<T> {
  return {
    ...column,
    value: (row) => {
      const iso = (row as Record<string, unknown>)[column.field];
      return csvDateTime(typeof iso === 'string' ? iso : null);
    },
  };
}

/**
 * A column of exact decimals (amounts, `4347.300`) written with the export language's decimal mark:
 * a comma in French, which French Excel (the `;` files) reads as a number where it takes
 * `4347.300` for text; the point in English. No thousands grouping. `amount` picks the decimal
 * string of a row; the lead import reads both marks back (csv-import.ts `decimal`).
 */
export function decimalColumn<T extends object>(
  column: Omit<CsvColumn<T>, 'value'>,
  amount: (row: T) => string | null | undefined,
): CsvColumn<T> {
  return {
    ...column,
    value: (row, lang) => {
      const text = amount(row);
      if (text === null || text === undefined) return '';
      return lang === 'fr' ? text.replace('.', ',') : text;
    },
  };
}

/** An object's list query without paging, plus the export options (`sep`, `lang`). */
export function exportQuerySchema(list: z.ZodObject) {
  return list.omit({ page: true, pageSize: true }).extend(ExportOptionsShape);
}

/** Rows per query while exporting (the list's own cap is for interactive pages). */
const EXPORT_BATCH = 1_000;

/**
 * Every row of a list, page after page through the list's own query (its filters and visibility:
 * a COMMERCIAL exports exactly what they can list), up to `limit` (MAX_EXPORT_ROWS by default).
 */
export async function collectPages<T>(
  listPage: (page: number, pageSize: number) => Promise<{ items: T[] }>,
  limit: number = MAX_EXPORT_ROWS,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; rows.length < limit; page += 1) {
    const { items } = await listPage(page, EXPORT_BATCH);
    rows.push(...items);
    if (items.length < EXPORT_BATCH) break;
  }
  return rows.slice(0, limit);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('|');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Cells a spreadsheet would run as a formula (= + @, or - not starting a plain number). */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;

/**
 * The rows as CSV for Excel: UTF-8 with a BOM (Excel otherwise reads it as Windows-1252), CRLF,
 * localized headers. Papa quotes any cell holding the separator, a quote or a line break, and
 * prefixes formula-looking cells with a quote so a spreadsheet does not run them.
 */
export function toCsv<T extends object>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  options: ExportOptions,
): string {
  const data = rows.map((row) =>
    columns.map((column) =>
      cell(column.value ? column.value(row, options.lang) : (row as Record<string, unknown>)[column.field]),
    ),
  );
  const body = Papa.unparse(
    { fields: columns.map((column) => column[options.lang]), data },
    { delimiter: options.sep, newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return `\uFEFF${body}\r\n`;
}

export function csvFile(csv: string, name: string): StreamableFile {
  const bytes = Buffer.from(csv, 'utf8');
  return new StreamableFile(bytes, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
    length: bytes.length,
  });
}
