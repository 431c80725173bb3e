/** The audit log's open vocabularies: the API may write an action or object the SPA has no word for yet. */
export type AuditVocabulary = 'actions' | 'entities';

/**
 * The word for an audit action or object in the UI language, else the raw key as stored (Transloco
 * answers the key path for a missing translation, which would read worse than the key itself).
 */
export function auditLabel(
  translate: (path: string) => string,
  vocabulary: AuditVocabulary,
  key: string,
): string {
  if (!key) return key;
  const path = `audit.${vocabulary}.${key}`;
  const text = translate(path);
  return !text || text === path ? key : text;
}
