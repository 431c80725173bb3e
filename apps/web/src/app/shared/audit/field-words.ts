import type { AuditEntity } from '@velosi/contracts';
import { dateLocale } from '../../core/i18n/languages';

/**
 * How an audited field and its coded values are named, shared by the two readers of the audit
 * trail: the admin audit page (features/admin/audit) and a record's history tab
 * (shared/ui/timeline). Both must call a field what the record's own pages call it, so the lookup
 * lives once, here.
 */

/** Transloco's `translate` reduced to a path lookup (a missing key comes back as the path). */
export type Lookup = (path: string) => string;

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
 * The parts audited on their record (a job's containers, cost lines and milestones): the prefix of
 * their actions (`charge_update`), the node of their form, whose labels sit directly under it
 * rather than under `fields`, and the field that names one part to a person.
 */
export interface AuditPart {
  readonly prefix: string;
  readonly node: string;
  readonly nameField: string;
}
export const AUDIT_PARTS: Partial<Record<AuditEntity, readonly AuditPart[]>> = {
  job: [
    { prefix: 'container', node: 'jobs.containers', nameField: 'number' },
    { prefix: 'charge', node: 'jobs.costs', nameField: 'description' },
    { prefix: 'milestone', node: 'jobs.milestones', nameField: 'kind' },
  ],
};

/** The part an action writes (`charge_update` → the cost lines), or null for the record itself. */
export function auditPartOf(entity: string, action: string): AuditPart | null {
  const parts = AUDIT_PARTS[entity as AuditEntity] ?? [];
  return parts.find((part) => action.startsWith(`${part.prefix}_`)) ?? null;
}

/**
 * The name a form gives a stored field when they differ: a form picks a carrier, a vessel or a
 * supplier and the record keeps its code, id, name or number (`carrierCode` → `carrier`,
 * `quoteNumber` → `quote`); the cost form
 * says "Taux", "TVA", "Débours" of what the line stores as `exchangeRate`, `vatRate`, `isDisbursement`.
 */
const FORM_NAMES: Readonly<Record<string, string>> = {
  exchangeRate: 'rate',
  vatRate: 'vat',
  isDisbursement: 'disbursement',
};
function formName(field: string): string | null {
  const name = FORM_NAMES[field] ?? field.replace(/(Id|Code|Name|Number)$/, '');
  return name && name !== field ? name : null;
}

/** Transloco's answer for `path`, or null when it has none (it answers the path itself). */
export function translated(translate: Lookup, path: string): string | null {
  const text = translate(path);
  return !text || text === path ? null : text;
}

/**
 * A changed field's label as the object's own pages show it, else the shared sales label, else a
 * fallback label (FALLBACK_FIELD_NODES), else a part's form label, else the label of the form's
 * name for it (`carrierCode` → the carrier picker's), else the field's name as stored. A `part`
 * (an entry about a cost line, a container) asks its own form first: a line's `description` is its
 * "Libellé", not the record's description.
 */
export function fieldLabel(
  translate: Lookup,
  entity: string,
  field: string,
  part?: AuditPart | null,
): string {
  const scope = FIELD_SCOPES[entity as AuditEntity];
  const parts = (AUDIT_PARTS[entity as AuditEntity] ?? []).map((p) => p.node);
  const alias = formName(field);
  const named = (name: string) => [
    ...[scope, SHARED_FIELD_SCOPE, ...FALLBACK_FIELD_NODES].map((node) => node && `${node}.fields.${name}`),
    ...parts.map((node) => `${node}.${name}`),
  ];
  const own = part ? [`${part.node}.${field}`, alias && `${part.node}.${alias}`] : [];
  for (const path of [...own, ...named(field), ...(alias ? named(alias) : [])]) {
    const label = path && translated(translate, path);
    if (label) return label;
  }
  return field;
}

/** A code as stored (`in_transit`, `sea_fcl`): lower-case first, letters and underscores. */
export const CODE = /^[a-z][a-zA-Z_]*$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date (`2026-12-01`) in the reader's language, the same day wherever they are. */
export function localDay(date: string, lang: string): string {
  return new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/**
 * The word the object's pages use for a code: its part's node (jobs.costs.sides.revenue, and
 * jobs.milestoneKinds.departed named after the part), `<scope>.<field>.<code>`
 * (invoices.status.issued), its plural node (quotes.modes.sea_fcl), the shared one
 * (sales.stage.won), the shared node named after the object (sales.leadStatus.new for a lead's
 * status), else the audit page's own words for codes no page shows (audit.codes.method.password:
 * how a sign-in was made).
 */
/**
 * Where an object's codes are worded when its own pages borrow them: a job keeps its quote's mode
 * and direction, said with the quote pages' words (the job route loads that scope, as the audit).
 */
const BORROWED_CODE_SCOPES: Partial<Record<AuditEntity, string>> = { job: 'quotes' };

export function codeWord(
  translate: Lookup,
  entity: string,
  field: string,
  code: string,
  part?: AuditPart | null,
): string | null {
  const scope = FIELD_SCOPES[entity as AuditEntity];
  const borrowed = BORROWED_CODE_SCOPES[entity as AuditEntity];
  const Field = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const named = `${entity.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}${Field}`;
  const nodes = [
    part && `${part.node}.${field}s`,
    part && scope && `${scope}.${part.prefix}${Field}s`,
    scope && `${scope}.${field}`,
    scope && `${scope}.${field}s`,
    // The reference pages word their choices under `options` (reference.options.kind.airport).
    scope && `${scope}.options.${field}`,
    borrowed && `${borrowed}.${field}s`,
    `${SHARED_FIELD_SCOPE}.${field}`,
    `${SHARED_FIELD_SCOPE}.${named}`,
    `audit.codes.${field}`,
  ];
  for (const node of nodes) {
    const word = node && translated(translate, `${node}.${code}`);
    if (word) return word;
  }
  return null;
}
