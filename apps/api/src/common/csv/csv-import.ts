import {
  CSV_IMPORT_BATCH,
  CSV_IMPORT_LIMITS,
  parseCsv,
  type CsvImportError,
  type CsvImportQuery,
  type CsvImportReport,
} from '@velosi/contracts';
import type { z } from 'zod';
import type { Database, Transaction } from '../../database/database.types.js';
import { ProblemException } from '../problem-exception.js';
import { ValidationProblem } from '../validation.js';
import type { CsvWords } from './csv-words.js';

/**
 * A field an import fills: `field` is the create contract's key (`a.b` for a nested one, e.g. the
 * amount of a money value), headers in both languages (and the export's), how the cell is read.
 */
export interface ImportField {
  field: string;
  fr: string;
  en: string;
  /**
   * `list`: values separated by `|` (as the export writes arrays); `number`; `boolean`; `decimal`:
   * an exact decimal kept as text, its mark a point or a comma (`1 234,5` → `1234.5`).
   */
  kind?: 'text' | 'list' | 'number' | 'boolean' | 'decimal';
  required?: boolean;
  /** Other header names recognised (normalised like the headers). */
  aliases?: readonly string[];
  /**
   * The words the export writes for the field's codes (csv-words.ts): a cell in either language's
   * words reads as its code, so an exported file imports back; a code is read as it is.
   */
  words?: CsvWords;
}

export interface ImportRow<T> {
  line: number;
  value: T;
}

/** What differs between two objects' imports; `runCsvImport` does the rest. */
export interface CsvImportTarget<T> {
  fields: readonly ImportField[];
  schema: z.ZodType<T>;
  /** Checks that need the database or the whole batch (duplicates, assignees): the refused rows. */
  check?(rows: readonly ImportRow<T>[]): Promise<CsvImportError[]>;
  /** Writes the rows in the caller's transaction, audited; answers the rows it refused. */
  insert(tx: Transaction, rows: readonly ImportRow<T>[]): Promise<CsvImportError[]>;
  /**
   * The dry run also inserts, in a transaction rolled back at the end: for objects whose refusals
   * only the database can tell (unique keys spanning several fields).
   */
  dryRunInserts?: boolean;
}

/** Thrown to roll a dry run's transaction back once its refusals are known. */
class DryRunRollback extends Error {}

const BOOLEANS: Record<string, boolean> = {
  true: true,
  false: false,
  oui: true,
  non: false,
  yes: true,
  no: false,
};
BOOLEANS['1'] = true;
BOOLEANS['0'] = false;

/**
 * Text compared without case, accents, spaces or punctuation ("Matricule fiscal" = "matriculefiscal"):
 * headers, and cells written in words.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const codesByWords = new WeakMap<CsvWords, Map<string, string>>();

/**
 * Each word of `words` (both languages, normalised by headerKey) → its code, built once per map
 * (csv-words.test.ts checks that no two codes of a map share a word).
 */
function codesOf(words: CsvWords): Map<string, string> {
  let codes = codesByWords.get(words);
  if (!codes) {
    codes = new Map(
      Object.values(words).flatMap((byCode) =>
        Object.entries(byCode).map(([code, word]) => [headerKey(word), code] as const),
      ),
    );
    codesByWords.set(words, codes);
  }
  return codes;
}

/** The code a cell names: the code itself, or its words in either language; else the cell. */
function codeOf(cell: string, words: CsvWords | undefined): string {
  if (!words || Object.hasOwn(words.fr, cell)) return cell;
  return codesOf(words).get(headerKey(cell)) ?? cell;
}

function guessField(header: string, fields: readonly ImportField[]): string | null {
  const key = headerKey(header);
  if (key === '') return null;
  const found = fields.find((f) =>
    [f.field, f.fr, f.en, ...(f.aliases ?? [])].some((name) => headerKey(name) === key),
  );
  return found?.field ?? null;
}

function mappingOf(
  header: readonly string[],
  fields: readonly ImportField[],
  columns?: string[],
): (string | null)[] {
  if (!columns) {
    const guessed = header.map((h) => guessField(h, fields));
    // A field two headers claim is filled from the first one only.
    return guessed.map((field, i) => (field && guessed.indexOf(field) !== i ? null : field));
  }
  const known = new Set(fields.map((f) => f.field));
  const bad = columns.filter((c) => c !== '' && !known.has(c));
  const chosen = columns.filter((c) => c !== '');
  if (bad.length > 0 || new Set(chosen).size !== chosen.length || columns.length > header.length) {
    throw new ValidationProblem([
      {
        field: 'columns',
        message: `expected at most ${header.length} distinct fields among ${[...known].join(', ')}`,
      },
    ]);
  }
  return header.map((_, i) => columns[i] || null);
}

/** The quote the export puts before a cell a spreadsheet would run as a formula (csv-export.ts). */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

function cellValue(raw: string, field: ImportField | undefined): unknown {
  const cell = raw.trim().replace(ESCAPED_FORMULA, '');
  if (field?.kind === 'list')
    return cell === ''
      ? []
      : cell
          .split('|')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => codeOf(part, field.words));
  if (cell === '') return undefined;
  if (field?.kind === 'number')
    return /^-?\d+(?:[.,]\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell;
  if (field?.kind === 'boolean') return BOOLEANS[cell.toLowerCase()] ?? cell;
  if (field?.kind === 'decimal') return decimalCell(cell);
  return codeOf(cell, field?.words);
}

// Spaces grouping thousands (French Excel writes a no-break or narrow no-break space).
const DECIMAL_GROUPING = /[\s\u00a0\u202f]/g;

/**
 * A decimal cell as the contracts take it: `1234.5` from `1 234,5` (French), `1234.5` or
 * `1,234.5` (English). A single comma is the decimal mark — what the French exports write — so an
 * English `1,250` must be written `1250`. Anything else is left for the contract to refuse.
 */
function decimalCell(cell: string): string {
  const value = cell.replace(DECIMAL_GROUPING, '');
  if (/^-?\d+,\d+$/.test(value)) return value.replace(',', '.');
  if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(value)) return value.replace(/,/g, '');
  return value;
}

/** The create body of one row: mapped cells, empty ones left out (the contract's defaults apply). */
function rowInput(
  record: readonly string[],
  mapping: readonly (string | null)[],
  fields: Map<string, ImportField>,
) {
  const input: Record<string, unknown> = {};
  mapping.forEach((field, i) => {
    if (!field) return;
    const value = cellValue(record[i] ?? '', fields.get(field));
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return;
    const [head, tail] = field.split('.') as [string, string | undefined];
    if (tail === undefined) input[head] = value;
    else input[head] = { ...(input[head] as Record<string, unknown> | undefined), [tail]: value };
  });
  return input;
}

function tooLarge(detail: string): ProblemException {
  return new ProblemException(413, 'about:blank', detail);
}

/**
 * Writes the accepted rows CSV_IMPORT_BATCH at a time, each batch in a transaction of its own; a
 * dry run writes nothing (or, with `dryRunInserts`, everything in one transaction rolled back).
 */
async function writeRows<T>(
  db: Database,
  target: CsvImportTarget<T>,
  rows: readonly ImportRow<T>[],
  dryRun: boolean,
): Promise<{ imported: number; refused: CsvImportError[] }> {
  const refused: CsvImportError[] = [];
  if (dryRun) {
    if (!target.dryRunInserts || rows.length === 0) return { imported: 0, refused };
    try {
      await db.transaction(async (tx) => {
        refused.push(...(await target.insert(tx, rows)));
        throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return { imported: 0, refused };
  }
  let imported = 0;
  for (let start = 0; start < rows.length; start += CSV_IMPORT_BATCH) {
    const batch = rows.slice(start, start + CSV_IMPORT_BATCH);
    const batchRefused = await db.transaction((tx) => target.insert(tx, batch));
    refused.push(...batchRefused);
    imported += batch.length - new Set(batchRefused.map((e) => e.line)).size;
  }
  return { imported, refused };
}

/** The contract's check a value failed, with the bounds a client needs to word it (CsvImportError). */
function issueWords(issue: z.core.$ZodIssue): Pick<CsvImportError, 'reason' | 'code' | 'params'> {
  const reason = issue.message;
  switch (issue.code) {
    case 'invalid_value':
      return { reason, code: issue.code, params: { values: issue.values.map(String).join(', ') } };
    case 'invalid_type':
      return { reason, code: issue.code, params: { expected: issue.expected } };
    case 'too_big':
      return { reason, code: issue.code, params: { origin: issue.origin, maximum: Number(issue.maximum) } };
    case 'too_small':
      return { reason, code: issue.code, params: { origin: issue.origin, minimum: Number(issue.minimum) } };
    case 'invalid_format':
      return { reason, code: issue.code };
    default:
      return { reason };
  }
}

/**
 * Parses, maps and validates every row of `csv` with the object's create contract; unless
 * `dryRun`, writes the valid ones CSV_IMPORT_BATCH at a time, each batch in a transaction of its
 * own (a batch that fails leaves the earlier ones written: the report counts what was imported).
 * Invalid rows are reported with their spreadsheet line (header = line 1), never written.
 */
export async function runCsvImport<T>(
  db: Database,
  csv: unknown,
  query: CsvImportQuery,
  target: CsvImportTarget<T>,
): Promise<CsvImportReport> {
  if (typeof csv !== 'string' || csv.trim() === '') {
    throw new ValidationProblem([
      { field: '(body)', message: 'expected a CSV file (text/csv) with a header line' },
    ]);
  }
  const [header = [], ...records] = parseCsv(csv);
  if (records.length > CSV_IMPORT_LIMITS.maxRows) {
    throw tooLarge(`The file has ${records.length} rows; at most ${CSV_IMPORT_LIMITS.maxRows} per import.`);
  }
  const fields = new Map(target.fields.map((f) => [f.field, f]));
  const mapping = mappingOf(header, target.fields, query.columns);
  const errors: CsvImportError[] = [];
  const valid: ImportRow<T>[] = [];
  records.forEach((record, index) => {
    const line = query.firstLine + index;
    const input = rowInput(record, mapping, fields);
    const parsed = target.schema.safeParse(input);
    if (parsed.success) valid.push({ line, value: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        // A required field left empty (or with no column) says so, not "expected string".
        const missing =
          issue.code === 'invalid_type' && issue.path.length === 1 && !(String(issue.path[0]) in input);
        const field = issue.path.map(String).join('.');
        errors.push(missing ? { line, field, reason: 'required' } : { line, field, ...issueWords(issue) });
      }
    }
  });
  const refused = target.check ? await target.check(valid) : [];
  const refusedLines = new Set(refused.map((e) => e.line));
  const accepted = valid.filter((row) => !refusedLines.has(row.line));
  errors.push(...refused);
  const written = await writeRows(db, target, accepted, query.dryRun);
  errors.push(...written.refused);
  errors.sort((a, b) => a.line - b.line);
  return {
    dryRun: query.dryRun,
    rows: records.length,
    valid: records.length - new Set(errors.map((e) => e.line)).size,
    imported: written.imported,
    errors,
    columns: header.map((h, i) => ({ header: h, field: mapping[i] ?? null })),
    fields: target.fields.map((f) => ({ field: f.field, fr: f.fr, en: f.en, required: f.required ?? false })),
  };
}
