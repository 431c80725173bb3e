import type { AuditEntry } from '@velosi/contracts';

import { FIELD_SCOPES, SHARED_FIELD_SCOPE, fieldLabel, translated } from '../../../shared/audit/field-words';

/** The audit log's open vocabularies: the API may write an action or object the SPA has no word for yet. */
export type AuditVocabulary = 'actions' | 'entities';

/** Every scope the audit page reads field labels from (how a field is named: shared/audit/field-words.ts). */
export const AUDIT_FIELD_SCOPES: readonly string[] = [
  ...new Set([...Object.values(FIELD_SCOPES), SHARED_FIELD_SCOPE].map((path) => path.replace(/\..*/, ''))),
];

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
  return translated(translate, `audit.${vocabulary}.${key}`) ?? key;
}

/**
 * The words for an actor no user stands behind (`system`, `anonymous`, `public-link`), or null for
 * a user id (the page shows its name) or an actor the SPA has no word for yet (shown as stored).
 */
export function systemActorLabel(translate: (path: string) => string, actor: string): string | null {
  return actor ? translated(translate, `audit.actors.${actor}`) : null;
}

/** The changed fields of an entry, in words, for its summary line. */
export function changedFieldLabels(
  translate: (path: string) => string,
  entity: string,
  fields: readonly string[],
): string {
  return fields.map((field) => fieldLabel(translate, entity, field)).join(', ');
}

/** Fields every edit moves: a summary names them only when nothing else changed. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['updatedAt', 'version']);

/**
 * An entry's summary line. A creation or a deletion stores the whole record, so every field counts
 * as changed: naming them all would fill the cell with the form's labels, so those say how many
 * values the record was created with or held when deleted (the document is one click away). Other
 * entries name the fields they changed, leaving out the edit's own date and version when anything
 * else changed (the entry's changes still list them).
 */
export function changeSummary(
  translate: (path: string, params?: Record<string, unknown>) => string,
  lang: string,
  entry: Pick<AuditEntry, 'action' | 'entity' | 'changedFields'>,
): string {
  const count = entry.changedFields.length;
  if (entry.action === 'create' || entry.action === 'delete') {
    const form = new Intl.PluralRules(lang).select(count) === 'one' ? 'one' : 'other';
    return translate(`audit.summary.${entry.action}.${form}`, { count });
  }
  const telling = entry.changedFields.filter((field) => !BOOKKEEPING_FIELDS.has(field));
  return changedFieldLabels(translate, entry.entity, telling.length > 0 ? telling : entry.changedFields);
}
