import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvDateTime, toCsv, wordsColumn } from '../../common/csv/csv-export.js';
import { JOB_CSV_WORDS } from './jobs-csv-words.js';

const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/public/i18n');
const spa = (scope: string, lang: string) =>
  JSON.parse(readFileSync(path.join(I18N, scope, `${lang}.json`), 'utf8')) as Record<string, unknown>;

describe('jobs CSV words', () => {
  it.each(['fr', 'en'] as const)('are the words the SPA shows for the codes (%s)', (lang) => {
    expect(JOB_CSV_WORDS.status[lang]).toEqual(spa('jobs', lang)['status']);
    expect(JOB_CSV_WORDS.mode[lang]).toEqual(spa('quotes', lang)['modes']);
    expect(JOB_CSV_WORDS.direction[lang]).toEqual(spa('quotes', lang)['directions']);
  });

  it('turn codes into words in the export language and instants into Tunis date and time', () => {
    const columns = [
      wordsColumn({ field: 'status', fr: 'Statut', en: 'Status' }, JOB_CSV_WORDS.status),
      wordsColumn({ field: 'mode', fr: 'Mode', en: 'Mode' }, JOB_CSV_WORDS.mode),
    ];
    const rows = [{ status: 'closed', mode: 'sea_fcl' }];
    expect(toCsv(rows, columns, { sep: ';', lang: 'fr' })).toBe(
      '\uFEFFStatut;Mode\r\nClôturé;Maritime FCL\r\n',
    );
    expect(toCsv(rows, columns, { sep: ',', lang: 'en' })).toBe('\uFEFFStatus,Mode\r\nClosed,Sea FCL\r\n');
    // 23:30 UTC on 6 December is 00:30 on the 7th in Tunis (UTC+1).
    expect(csvDateTime('2026-12-06T23:30:00.000Z')).toBe('2026-12-07 00:30');
    expect(csvDateTime(null)).toBe('');
  });
});
