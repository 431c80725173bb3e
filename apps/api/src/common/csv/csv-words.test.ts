import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvDateTime, dateTimeColumn, toCsv, wordsColumn } from './csv-export.js';
import { headerKey } from './csv-import.js';
import {
  JOB_STATUS_WORDS,
  LEAD_PRIORITY_WORDS,
  LEAD_SOURCE_WORDS,
  LEAD_STATUS_WORDS,
  OPPORTUNITY_STAGE_WORDS,
  QUOTE_STATUS_WORDS,
  TRAFFIC_WORDS,
  TRANSPORT_MODE_WORDS,
  TRANSPORT_NEED_WORDS,
  YES_NO_WORDS,
  type CsvWords,
} from './csv-words.js';

const I18N = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/public/i18n');
const spa = (scope: string, lang: string) =>
  JSON.parse(readFileSync(path.join(I18N, scope, `${lang}.json`), 'utf8')) as Record<string, unknown>;
/** The SPA's words at `key` (dotted) of an i18n scope. */
const spaWords = (scope: string, key: string, lang: string): unknown =>
  key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], spa(scope, lang));

/** Every words map of the exports and the SPA words it copies (scope, key): one row each. */
const MAPS: readonly [string, CsvWords, string, string][] = [
  ['transport modes', TRANSPORT_MODE_WORDS, 'quotes', 'modes'],
  ['traffic (quotes)', TRAFFIC_WORDS, 'quotes', 'directions'],
  ['traffic (sales)', TRAFFIC_WORDS, 'sales', 'traffic'],
  ['job statuses', JOB_STATUS_WORDS, 'jobs', 'status'],
  ['quote statuses', QUOTE_STATUS_WORDS, 'quotes', 'status'],
  ['opportunity stages', OPPORTUNITY_STAGE_WORDS, 'sales', 'stage'],
  ['lead statuses', LEAD_STATUS_WORDS, 'sales', 'leadStatus'],
  ['lead sources', LEAD_SOURCE_WORDS, 'sales', 'leadSource'],
  ['lead priorities', LEAD_PRIORITY_WORDS, 'sales', 'priority'],
  ['transport needs', TRANSPORT_NEED_WORDS, 'sales', 'transportNeed'],
];

describe('CSV export words', () => {
  it.each(MAPS)('%s are the words the SPA shows for the codes (fr, en)', (_, words, scope, key) => {
    for (const lang of ['fr', 'en'] as const) expect(words[lang]).toEqual(spaWords(scope, key, lang));
  });

  it('yes/no are the words of the client page', () => {
    for (const lang of ['fr', 'en'] as const) {
      const detail = spaWords('clients', 'detail', lang) as Record<string, string>;
      expect(YES_NO_WORDS[lang]).toEqual({ true: detail['yes'], false: detail['no'] });
    }
  });

  // The import compares words like headers (csv-import.ts): a word no other code of the map shares
  // (nor spells) reads back as its own code.
  it.each(MAPS)('%s: no two codes share a word, so an import reads each word back', (_, words) => {
    const codes = Object.keys(words.fr);
    const names = (code: string) => [code, words.fr[code] ?? '', words.en[code] ?? ''].map(headerKey);
    for (const code of codes) {
      const others = codes.filter((other) => other !== code).flatMap(names);
      expect(
        names(code).filter((name) => others.includes(name)),
        code,
      ).toEqual([]);
    }
  });

  it('turn codes (lists, yes/no) into words in the export language and instants into Tunis date and time', () => {
    const columns = [
      wordsColumn({ field: 'status', fr: 'Statut', en: 'Status' }, JOB_STATUS_WORDS),
      wordsColumn({ field: 'mode', fr: 'Mode', en: 'Mode' }, TRANSPORT_MODE_WORDS),
      wordsColumn({ field: 'needs', fr: 'Besoins', en: 'Needs' }, TRANSPORT_NEED_WORDS),
      wordsColumn({ field: 'primary', fr: 'Principal', en: 'Primary' }, YES_NO_WORDS),
      dateTimeColumn({ field: 'sentAt', fr: 'Envoyé le', en: 'Sent at' }),
    ];
    // 23:30 UTC on 6 December is 00:30 on the 7th in Tunis (UTC+1).
    const rows = [
      {
        status: 'closed',
        mode: 'sea_fcl',
        needs: ['air', 'road'],
        primary: true,
        sentAt: '2026-12-06T23:30:00.000Z',
      },
      { status: 'open', mode: null, needs: [], primary: false, sentAt: null },
    ];
    expect(toCsv(rows, columns, { sep: ';', lang: 'fr' })).toBe(
      '\uFEFFStatut;Mode;Besoins;Principal;Envoyé le\r\n' +
        'Clôturé;Maritime FCL;Aérien|Routier;Oui;2026-12-07 00:30\r\nOuvert;;;Non;\r\n',
    );
    expect(toCsv(rows, columns, { sep: ',', lang: 'en' })).toBe(
      '\uFEFFStatus,Mode,Needs,Primary,Sent at\r\n' +
        'Closed,Sea FCL,Air|Road,Yes,2026-12-07 00:30\r\nOpen,,,No,\r\n',
    );
    expect(csvDateTime('2026-07-01T06:31:00.000Z')).toBe('2026-07-01 07:31');
    expect(csvDateTime(null)).toBe('');
  });
});
