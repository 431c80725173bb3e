import type { AuditEntry } from '@velosi/contracts';

import { groupDigits } from '../../../shared/sales/money';
import { FIELD_SCOPES, SHARED_FIELD_SCOPE, fieldLabel, translated } from './audit-labels';

type Translate = (path: string) => string;

/** One changed field of an entry: its label, and its values before and after in the reader's words. */
export interface AuditChange {
  readonly field: string;
  readonly label: string;
  /** Null where the entry holds no document on that side (a creation has no "before"). */
  readonly before: AuditValue | null;
  readonly after: AuditValue | null;
}

/** A value as shown, and as stored (the title that keeps the exact code, instant or JSON). */
export interface AuditValue {
  readonly text: string;
  readonly stored: string;
}

/**
 * The fields an entry changed, labelled, each with its value before and after: a code in the words
 * of the object's pages (`issued` → "Émise"), an instant or a date in the reader's language, yes or
 * no in words, an empty value as `—`, an amount with all its stored decimals in the language's
 * digits (`10 009,240`); ids as stored, a nested value (lines, totals, an address) as compact JSON.
 */
export function auditChanges(
  translate: Translate,
  lang: string,
  entry: Pick<AuditEntry, 'entity' | 'changedFields' | 'before' | 'after'>,
): AuditChange[] {
  const side = (document: unknown, field: string): AuditValue | null =>
    isRecord(document) ? shown(translate, lang, entry.entity, field, document[field]) : null;
  return entry.changedFields.map((field) => ({
    field,
    label: fieldLabel(translate, entry.entity, field),
    before: side(entry.before, field),
    after: side(entry.after, field),
  }));
}

const CODE = /^[a-z][a-zA-Z_]*$/;
/** An amount or a rate (numeric columns come as strings with their decimals); ids and phones have none. */
const DECIMAL = /^-?\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;

function shown(
  translate: Translate,
  lang: string,
  entity: string,
  field: string,
  value: unknown,
): AuditValue {
  const stored = storedText(value);
  if (value === null || value === undefined || value === '') return { text: '—', stored };
  if (typeof value === 'boolean') return { text: translate(value ? 'audit.yes' : 'audit.no'), stored };
  if (typeof value !== 'string') return { text: stored, stored };
  if (CODE.test(value)) return { text: codeWord(translate, entity, field, value) ?? value, stored };
  if (DECIMAL.test(value)) return { text: groupDigits(value, lang), stored };
  if (DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return {
      text: new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date),
      stored,
    };
  }
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
    return { text: format.format(new Date(value)), stored };
  }
  return { text: value, stored };
}

/**
 * The word the object's pages use for a code: `<scope>.<field>.<code>` (invoices.status.issued),
 * its plural node (quotes.modes.sea_fcl), the shared one (sales.stage.won), the shared node
 * named after the object (sales.leadStatus.new for a lead's status), else the audit page's own
 * words for codes no page shows (audit.codes.method.password: how a sign-in was made).
 */
function codeWord(translate: Translate, entity: string, field: string, code: string): string | null {
  const scope = FIELD_SCOPES[entity as keyof typeof FIELD_SCOPES];
  const named = `${entity.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())}${field[0]!.toUpperCase()}${field.slice(1)}`;
  const nodes = [
    scope && `${scope}.${field}`,
    scope && `${scope}.${field}s`,
    `${SHARED_FIELD_SCOPE}.${field}`,
  ];
  for (const node of [...nodes, `${SHARED_FIELD_SCOPE}.${named}`, `audit.codes.${field}`]) {
    const word = node && translated(translate, `${node}.${code}`);
    if (word) return word;
  }
  return null;
}

function storedText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
