import {
  CSV_IMPORT_BATCH,
  detectSeparator,
  formatCsvRecord,
  parseCsv,
  type CsvImportError,
  type CsvSeparator,
} from '@velosi/contracts';

/** A file read in the browser: its header, data records and separator (counted as the API counts). */
export interface CsvFile {
  readonly name: string;
  readonly text: string;
  readonly separator: CsvSeparator;
  readonly header: readonly string[];
  readonly records: readonly (readonly string[])[];
}

export function readCsv(name: string, text: string): CsvFile {
  const separator = detectSeparator(text);
  const [header = [], ...records] = parseCsv(text, separator);
  return { name, text, separator, header, records };
}

/** The file cut into request bodies of CSV_IMPORT_BATCH rows, each with the header and its first line. */
export function importBatches(file: CsvFile): { body: string; firstLine: number; rows: number }[] {
  const head = formatCsvRecord(file.header, file.separator);
  const batches = [];
  for (let start = 0; start < file.records.length; start += CSV_IMPORT_BATCH) {
    const rows = file.records.slice(start, start + CSV_IMPORT_BATCH);
    const body = [head, ...rows.map((r) => formatCsvRecord(r, file.separator))].join('\r\n');
    batches.push({ body: `${body}\r\n`, firstLine: start + 2, rows: rows.length });
  }
  return batches;
}

/** Reasons of the objects' own rules every import meets, said in the user's language. */
const KNOWN_REASONS: Readonly<Record<string, string>> = {
  required: 'required',
  'a client with this tax id already exists': 'taxIdTaken',
  'already used by another record': 'alreadyUsed',
};

/**
 * The words (a `csv.import.reasons` key and its parameters) of a refused field: the contract's check
 * it failed (the API's `code` and bounds), else a known reason; null: the API's English stays.
 */
export function reasonWords(
  error: Pick<CsvImportError, 'reason' | 'code' | 'params'>,
): { key: string; params: Record<string, string | number> } | null {
  const params = error.params ?? {};
  const text = params['origin'] === 'string';
  switch (error.code) {
    case 'invalid_value':
      return { key: 'invalidValue', params };
    case 'invalid_type':
      return { key: params['expected'] === 'number' ? 'expectedNumber' : 'invalidType', params };
    case 'too_big':
      return { key: text ? 'tooLong' : 'tooBig', params };
    case 'too_small':
      if (text && params['minimum'] === 1) return { key: 'required', params };
      return { key: text ? 'tooShort' : 'tooSmall', params };
    case 'invalid_format':
      return { key: 'invalidFormat', params };
  }
  const known = KNOWN_REASONS[error.reason];
  return known ? { key: known, params } : null;
}

/** The refused rows as a CSV for Excel (BOM, `;`), headers and reasons in the user's language. */
export function errorReport(
  errors: readonly CsvImportError[],
  headers: readonly [string, string, string],
  reason: (error: CsvImportError) => string,
): Blob {
  const lines = [headers, ...errors.map((e) => [String(e.line), e.field, reason(e)])].map((cells) =>
    formatCsvRecord(cells, ';'),
  );
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
