import { describe, expect, it } from 'vitest';
import { CsvImportQuerySchema, detectSeparator, formatCsvRecord, parseCsv } from './csv-import.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted cells holding separators, quotes and line breaks; CRLF or LF; drops the BOM', () => {
    const text = '\uFEFFname;note\r\n"A;B";"say ""hi"""\r\n"two\nlines";x\nlast;\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['A;B', 'say "hi"'],
      ['two\nlines', 'x'],
      ['last', ''],
    ]);
  });

  it('picks the separator the header uses most, outside quotes', () => {
    expect(detectSeparator('a;b;c\n1,2')).toBe(';');
    expect(detectSeparator('"a;b",c,d\n')).toBe(',');
    expect(detectSeparator('name\n')).toBe(',');
  });

  it('skips blank lines and round-trips through formatCsvRecord', () => {
    const rows = [
      ['plain', 'with;semi', 'with "quote"', 'multi\r\nline', ''],
      ['é', ',', '', '', 'x'],
    ];
    const text = `${rows.map((r) => formatCsvRecord(r, ';')).join('\r\n')}\r\n\r\n`;
    expect(parseCsv(text, ';')).toEqual(rows);
  });
});

describe('CsvImportQuerySchema', () => {
  it('defaults to a dry run from line 2 and splits the column mapping', () => {
    expect(CsvImportQuerySchema.parse({})).toEqual({ dryRun: true, firstLine: 2 });
    expect(CsvImportQuerySchema.parse({ dryRun: 'false', columns: 'name,,value.amount' })).toMatchObject({
      dryRun: false,
      columns: ['name', '', 'value.amount'],
    });
    expect(CsvImportQuerySchema.safeParse({ columns: 'name;drop table' }).success).toBe(false);
  });
});
