import type { AuditEntry } from '@velosi/contracts';

import { fieldLabel } from './audit-labels';

/** One changed field of an entry: its label in the reader's language, and its stored values. */
export interface AuditChange {
  readonly field: string;
  readonly label: string;
  /** Null where the entry holds no document on that side (a creation has no "before"). */
  readonly before: string | null;
  readonly after: string | null;
}

/**
 * The fields an entry changed, labelled, each with its value before and after as stored: exact
 * (amounts, ids and dates as the database holds them, which is what an audit is read for), yes or
 * no in words, an empty value as `—`, a nested value (lines, totals, an address) as compact JSON.
 */
export function auditChanges(
  translate: (path: string) => string,
  entry: Pick<AuditEntry, 'entity' | 'changedFields' | 'before' | 'after'>,
): AuditChange[] {
  const side = (document: unknown, field: string): string | null =>
    isRecord(document) ? storedValue(translate, document[field]) : null;
  return entry.changedFields.map((field) => ({
    field,
    label: fieldLabel(translate, entry.entity, field),
    before: side(entry.before, field),
    after: side(entry.after, field),
  }));
}

function storedValue(translate: (path: string) => string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return translate(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
