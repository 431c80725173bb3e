/** Languages the UI ships with. French first: it is the staff's working language (DESIGN.md). */
export const APP_LANGS = ['fr', 'en'] as const;
export type AppLang = (typeof APP_LANGS)[number];
export const DEFAULT_LANG: AppLang = 'fr';

export function isAppLang(value: unknown): value is AppLang {
  return typeof value === 'string' && (APP_LANGS as readonly string[]).includes(value);
}

/**
 * The Intl locale a UI language writes dates in. English is British English, as the documents
 * print it (en-GB): day before month, "7 Dec 2026" and "07/12/2026" — in the US order a Tunisian
 * reader takes 12/07/2026 for the 12th of July. Numbers are the same in both.
 */
export function dateLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}
