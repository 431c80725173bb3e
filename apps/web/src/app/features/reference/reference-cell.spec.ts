import { describe, expect, it } from 'vitest';
import en from '../../../../public/i18n/reference/en.json';
import fr from '../../../../public/i18n/reference/fr.json';
import { referenceCell } from './reference-cell';
import { referenceView, type ReferenceView } from './reference-objects';

type Json = { [key: string]: string | Json };

/** Transloco's answer for a `reference.` path: the translation, else the path. */
const translatorOf =
  (words: Json) =>
  (path: string): string => {
    let node: string | Json | undefined = { reference: words };
    for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : path;
  };

const view = (path: string): ReferenceView => referenceView(path) as ReferenceView;
const cellIn = (lang: 'fr' | 'en', path: string, column: string, value: unknown): string =>
  referenceCell(view(path), value, column, translatorOf(lang === 'fr' ? fr : en), lang);

describe('referenceCell: table cells as the form shows the values', () => {
  it('shows an exchange rate date in the UI language, not as ISO', () => {
    expect(cellIn('en', 'exchange-rates', 'date', '2026-12-07')).toBe('7 Dec 2026');
    expect(cellIn('fr', 'exchange-rates', 'date', '2026-12-07')).not.toContain('2026-12-07');
  });

  it('translates the source the API fills', () => {
    expect(cellIn('en', 'exchange-rates', 'source', 'manual')).toBe(en.options.source.manual);
    expect(cellIn('fr', 'exchange-rates', 'source', 'csv_import')).toBe(fr.options.source.csv_import);
    expect(cellIn('en', 'exchange-rates', 'source', 'manual')).not.toBe('manual');
  });

  it('shows the VAT rate as a locale percent', () => {
    expect(cellIn('en', 'charge-types', 'defaultVatRate', 19)).toBe('19%');
    expect(cellIn('fr', 'charge-types', 'defaultVatRate', 7)).toBe('7\u00a0%');
  });

  it('keeps choices in words, booleans as yes/no, lists joined, plain values as they are', () => {
    expect(cellIn('en', 'charge-types', 'kind', 'freight')).toBe('Freight');
    expect(cellIn('fr', 'charge-types', 'isDisbursement', true)).toBe(fr.yes);
    expect(cellIn('en', 'agents', 'modes', ['air', 'sea_fcl'])).toBe('Air, Sea FCL');
    expect(cellIn('en', 'exchange-rates', 'rate', '3.4123')).toBe('3.4123');
    expect(cellIn('fr', 'exchange-rates', 'rate', '3.412500')).toBe('3,4125');
    expect(cellIn('fr', 'exchange-rates', 'rate', '2.957000')).toBe('2,957');
    expect(cellIn('fr', 'exchange-rates', 'rate', '3.390000')).toBe('3,39');
    expect(cellIn('en', 'equipment', 'teu', '2.00')).toBe('2');
    expect(cellIn('en', 'exchange-rates', 'currency', null)).toBe('');
  });
});
