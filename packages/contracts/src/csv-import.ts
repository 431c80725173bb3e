import { z } from 'zod';
import { QueryBooleanSchema } from './common.js';

/**
 * CSV as spreadsheets write it (RFC 4180): the API parses uploads with it and the SPA splits a file
 * into batches with it, so both count lines the same way. Excel in a French locale writes `;`,
 * elsewhere `,`: the separator is the one the header line uses most (outside quotes).
 */

/** Largest upload one import request takes, and most data rows per request. */
export const CSV_IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 20_000 } as const;
/** Rows the SPA sends per request: one progress step (the API also inserts by this batch). */
export const CSV_IMPORT_BATCH = 1_000;

export type CsvSeparator = ';' | ',';

export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/** Records of `text` (BOM dropped, CRLF or LF, quoted cells may hold separators, quotes, lines). */
export function parseCsv(text: string, separator: CsvSeparator = detectSeparator(text)): string[][] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      i += 1;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      record.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      if (char === '\r' && source[i + 1] === '\n') i += 1;
    } else cell += char;
    i += 1;
  }
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  // Blank lines (a trailing newline, spacer rows) carry no data.
  return records.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
}

/** One CSV line (no line break): cells holding the separator, a quote or a line break are quoted. */
export function formatCsvRecord(cells: readonly string[], separator: CsvSeparator): string {
  return cells
    .map((cell) => (/[";,\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(separator);
}

/**
 * `POST /api/<objects>/import?dryRun=&firstLine=&columns=`: the body is the CSV (`text/csv`, header
 * line first). `columns` maps the header's columns in order to fields (`name,,city`: an empty entry
 * skips that column); absent, the API guesses from the header names (French or English).
 * `firstLine` is the spreadsheet line of the body's first data row, so a file sent in batches still
 * reports its own line numbers.
 */
export const CsvImportQuerySchema = z.strictObject({
  dryRun: QueryBooleanSchema.default(true),
  firstLine: z.coerce.number().int().min(2).max(10_000_000).default(2),
  columns: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z0-9.,]*$/, 'expected field names separated by commas')
    .transform((value) => value.split(','))
    .optional(),
});
export type CsvImportQuery = z.infer<typeof CsvImportQuerySchema>;

/** A refused row: its spreadsheet line, the field at fault (`''` for the whole row), why. */
export const CsvImportErrorSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  /** In English, for a reader of the API. */
  reason: z.string(),
  /**
   * A check of the contract the value failed (zod's issue code: `invalid_value`, `invalid_type`,
   * `too_big`, `too_small`, `invalid_format`) and its bounds, for a client to word it in its own
   * language; absent for the object's own rules (a duplicate, an unknown assignee).
   */
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CsvImportError = z.infer<typeof CsvImportErrorSchema>;

export const CsvImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** Data rows read. */
  rows: z.number().int(),
  /** Rows that passed validation (a dry run writes nothing). */
  valid: z.number().int(),
  /** Rows written (0 on a dry run). */
  imported: z.number().int(),
  errors: z.array(CsvImportErrorSchema),
  /** The mapping used: each header and the field it fills (null: ignored). */
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  /** Fields the object takes, for the SPA's mapping choices. */
  fields: z.array(z.object({ field: z.string(), fr: z.string(), en: z.string(), required: z.boolean() })),
});
export type CsvImportReport = z.infer<typeof CsvImportReportSchema>;
