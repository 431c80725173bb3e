import type { AuditEntity, AuditEntry } from '@velosi/contracts';

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
  agent: 'reference',
  airline: 'reference',
  charge_type: 'reference',
  equipment: 'reference',
  exchange_rate: 'reference',
  haulier: 'reference',
  location: 'reference',
  shipping_line: 'reference',
  supplier: 'reference',
  vessel: 'reference',
};
export const SHARED_FIELD_SCOPE = 'sales';
/**
 * After the object's and the shared labels: the names the sales history gives to record fields,
 * then the audit page's own words for fields no page has a label for (sign-in details, users,
 * contacts, targets, attachments, the names a read adds to a record).
 */
const FALLBACK_FIELD_NODES = [`${SHARED_FIELD_SCOPE}.history`, 'audit'] as const;
/**
 * Last: the forms of the parts audited on their record (a job's containers, cost lines and
 * milestones), whose labels sit directly under these nodes rather than under `fields`.
 */
const PART_NODES: Partial<Record<AuditEntity, readonly string[]>> = {
  job: ['jobs.containers', 'jobs.costs', 'jobs.milestones'],
};
/** Every scope the audit page reads field labels from. */
export const AUDIT_FIELD_SCOPES: readonly string[] = [
  ...new Set([...Object.values(FIELD_SCOPES), SHARED_FIELD_SCOPE].map((path) => path.replace(/\..*/, ''))),
];

/** Transloco's answer for `path`, or null when it has none (it answers the path itself). */
export function translated(translate: (path: string) => string, path: string): string | null {
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
 * The words for an actor no user stands behind (`system`, `anonymous`, `public-link`), or null for
 * a user id (the page shows its name) or an actor the SPA has no word for yet (shown as stored).
 */
export function systemActorLabel(translate: (path: string) => string, actor: string): string | null {
  return actor ? translated(translate, `audit.actors.${actor}`) : null;
}

/**
 * A changed field's label as the object's own pages show it, else the shared sales label, else a
 * fallback label (FALLBACK_FIELD_NODES), else a part's form label (PART_NODES), else the field's
 * name as stored.
 */
export function fieldLabel(translate: (path: string) => string, entity: string, field: string): string {
  const scope = FIELD_SCOPES[entity as AuditEntity];
  const paths = [
    ...[scope, SHARED_FIELD_SCOPE, ...FALLBACK_FIELD_NODES].map((node) => node && `${node}.fields.${field}`),
    ...(PART_NODES[entity as AuditEntity] ?? []).map((node) => `${node}.${field}`),
  ];
  for (const path of paths) {
    const label = path && translated(translate, path);
    if (label) return label;
  }
  return field;
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
