/**
 * The plural form of `count` in `lang` as the i18n files key it ('one' | 'other'): French says
 * "0 facture", English "0 invoices".
 */
export function pluralOf(count: number, lang: string): 'one' | 'other' {
  return new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
}
