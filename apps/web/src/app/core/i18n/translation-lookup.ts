import type { Translation } from '@jsverse/transloco';

/**
 * A text of a loaded translation, for code that draws text outside templates (chart.js labels):
 * Transloco may hold a scope's keys flat (`bucket.notDueTnd`) or nested; both are read. The key
 * itself when missing, as the `t()` pipe shows it.
 */
export function translationLookup(translation: Translation | undefined, key: string): string {
  const flat: unknown = translation?.[key];
  if (typeof flat === 'string') return flat;
  let value: unknown = translation;
  for (const part of key.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === 'string' ? value : key;
}
