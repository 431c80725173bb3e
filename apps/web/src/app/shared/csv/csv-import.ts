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

/** The refused rows as a CSV for Excel (BOM, `;`), headers in the user's language. */
export function errorReport(
  errors: readonly CsvImportError[],
  headers: readonly [string, string, string],
): Blob {
  const lines = [headers, ...errors.map((e) => [String(e.line), e.field, e.reason])].map((cells) =>
    formatCsvRecord(cells, ';'),
  );
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
