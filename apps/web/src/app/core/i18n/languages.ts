/** Languages the UI ships with. French first: it is the staff's working language (DESIGN.md). */
export const APP_LANGS = ['fr', 'en'] as const;
export type AppLang = (typeof APP_LANGS)[number];
export const DEFAULT_LANG: AppLang = 'fr';

export function isAppLang(value: unknown): value is AppLang {
  return typeof value === 'string' && (APP_LANGS as readonly string[]).includes(value);
}
