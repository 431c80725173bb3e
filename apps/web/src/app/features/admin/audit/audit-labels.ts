import type { AuditEntity } from '@velosi/contracts';

/** The audit log's open vocabularies: the API may write an action or object the SPA has no word for yet. */
export type AuditVocabulary = 'actions' | 'entities';

/**
 * Where an object's `fields` are named (the words its own pages use): a Transloco scope, or a node
 * inside one (supplier invoices are a part of the jobs pages). `sales` holds the fields the records
 * share (record metadata, client, totals). The audit route loads every scope these start with.
 */
export const FIELD_SCOPES: Partial<Record<AuditEntity, string>> = {
  activity: 'activities',
  client: 'clients',
  invoice: 'invoices',
  job: 'jobs',
  lead: 'leads',
  opportunity: 'opportunities',
  payment: 'payments',
  quote: 'quotes',
  supplier_invoice: 'jobs.supplierInvoices',
};
export const SHARED_FIELD_SCOPE = 'sales';
/** Every scope the audit page reads field labels from. */
export const AUDIT_FIELD_SCOPES: readonly string[] = [
  ...new Set([...Object.values(FIELD_SCOPES), SHARED_FIELD_SCOPE].map((path) => path.replace(/\..*/, ''))),
];

/** Transloco's answer for `path`, or null when it has none (it answers the path itself). */
function translated(translate: (path: string) => string, path: string): string | null {
  const text = translate(path);
  return !text || text === path ? null : text;
}

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
 * A changed field's label as the object's own pages show it, else the shared sales label, else the
 * field's name as stored (a field no page names).
 */
export function fieldLabel(translate: (path: string) => string, entity: string, field: string): string {
  const scope = FIELD_SCOPES[entity as AuditEntity];
  return (
    (scope && translated(translate, `${scope}.fields.${field}`)) ??
    translated(translate, `${SHARED_FIELD_SCOPE}.fields.${field}`) ??
    field
  );
}

/** The changed fields of an entry, in words, for its summary line. */
export function changedFieldLabels(
  translate: (path: string) => string,
  entity: string,
  fields: readonly string[],
): string {
  return fields.map((field) => fieldLabel(translate, entity, field)).join(', ');
}
