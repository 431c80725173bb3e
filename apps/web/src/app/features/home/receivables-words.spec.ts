import { describe, expect, it } from 'vitest';
import en from '../../../../public/i18n/dashboard/en.json';
import fr from '../../../../public/i18n/dashboard/fr.json';
import { pluralOf } from '../../core/i18n/plural';
import { formatMoney } from '../../shared/sales/money';

/** `{{ name }}` placeholders filled as Transloco does. */
const fill = (words: string, params: Record<string, number>) =>
  words.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));

/** The card's invoice count in words, as the template builds the key (`openInvoices.one`). */
function invoices(file: typeof fr, key: 'openInvoices' | 'overdueInvoices', count: number, lang: string) {
  return fill(file.receivables[key][pluralOf(count, lang)], { count });
}

describe('dashboard receivables card', () => {
  it('counts invoices in words with the plural of each language', () => {
    expect(invoices(fr, 'overdueInvoices', 1, 'fr')).toBe('1 facture en retard');
    expect(invoices(fr, 'overdueInvoices', 3, 'fr')).toBe('3 factures en retard');
    expect(invoices(fr, 'openInvoices', 0, 'fr')).toBe('0 facture ouverte');
    expect(invoices(en, 'openInvoices', 0, 'en')).toBe('0 open invoices');
    expect(invoices(en, 'overdueInvoices', 1, 'en')).toBe('1 overdue invoice');
  });

  it('has every text in French and English', () => {
    expect(Object.keys(en.receivables).sort()).toEqual(Object.keys(fr.receivables).sort());
    for (const words of [fr.receivables, en.receivables]) {
      expect(words.title && words.outstanding && words.overdue && words.empty && words.all).toBeTruthy();
    }
  });

  it('shows the API decimal strings as the app writes money, never through a float', () => {
    const space = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    expect(space(formatMoney('19045.000', 'TND', 'fr'))).toBe('19 045,000 TND');
    expect(formatMoney('19045.000', 'TND', 'en')).toBe('19,045.000 TND');
    expect(space(formatMoney('12345678901234.567', 'TND', 'fr'))).toBe('12 345 678 901 234,567 TND');
  });
});
