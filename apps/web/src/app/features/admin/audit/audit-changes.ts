import type { AuditEntry } from '@velosi/contracts';

import { CODE, DATE, INSTANT, codeWord, fieldLabel, localDay } from '../../../shared/audit/field-words';
import { decimalWord, groupDigits } from '../../../shared/sales/money';
import { dateLocale } from '../../../core/i18n/languages';

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
 * digits (`10 009,240`); ids as stored; a flat document (a profile) value by value, any other nested
 * value (lines, totals, an address) as compact JSON.
 */
/** A person's name from their user id (the staff the page knows), null for any other value. */
export type PersonName = (id: string) => string | null;

export function auditChanges(
  translate: Translate,
  lang: string,
  entry: Pick<AuditEntry, 'entity' | 'changedFields' | 'before' | 'after'>,
  person: PersonName = () => null,
): AuditChange[] {
  const value = (document: unknown, field: string): unknown =>
    isRecord(document) ? document[field] : undefined;
  const side = (document: unknown, field: string, key?: string): AuditValue | null => {
    if (!isRecord(document)) return null;
    const shownField = key ?? field;
    const stored = key === undefined ? document[field] : value(document[field], key);
    return shown(translate, lang, entry.entity, shownField, stored, person);
  };
  return entry.changedFields.flatMap((field) => {
    const label = fieldLabel(translate, entry.entity, field);
    const keys = changedKeys(value(entry.before, field), value(entry.after, field));
    if (keys === null) {
      return [{ field, label, before: side(entry.before, field), after: side(entry.after, field) }];
    }
    // A small document of plain values (a user's profile): each changed value on its own line.
    return keys.map((key) => ({
      field: `${field}.${key}`,
      label: `${label} · ${nestedLabel(translate, entry.entity, field, key)}`,
      before: side(entry.before, field, key),
      after: side(entry.after, field, key),
    }));
  });
}

/**
 * A value of a flat document named as its form names it: `profileTitle` ("Fonction", the users
 * form's word) before the plain `title` (which other objects use for something else).
 */
function nestedLabel(translate: Translate, entity: string, field: string, key: string): string {
  const named = `${field}${key.charAt(0).toUpperCase()}${key.slice(1)}`;
  const label = fieldLabel(translate, entity, named);
  return label === named ? fieldLabel(translate, entity, key) : label;
}

/**
 * The keys that differ between two versions of a flat document (plain values only: a profile, not
 * lines or totals), or null when the field is not one (then it is shown whole, as stored).
 */
function changedKeys(before: unknown, after: unknown): string[] | null {
  const documents = [before, after].filter((d) => d !== null && d !== undefined);
  if (documents.length === 0 || !documents.every(isFlatRecord)) return null;
  const [b, a] = [before, after].map((d) => (isRecord(d) ? d : {}));
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.filter((key) => storedText(b?.[key]) !== storedText(a?.[key]));
}

function isFlatRecord(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && Object.values(value).every((v) => v === null || typeof v !== 'object');
}

function shown(
  translate: Translate,
  lang: string,
  entity: string,
  field: string,
  value: unknown,
  person: PersonName,
): AuditValue {
  const stored = storedText(value);
  if (value === null || value === undefined || value === '') return { text: '—', stored };
  // A user id (createdBy, assignedTo…) names its person when the page knows them.
  const people = (Array.isArray(value) ? value : [value]).map((v) =>
    typeof v === 'string' ? person(v) : null,
  );
  if (people.length > 0 && people.every((name) => name !== null)) return { text: people.join(', '), stored };
  if (typeof value === 'boolean') return { text: translate(value ? 'audit.yes' : 'audit.no'), stored };
  // A number (a latitude, a VAT rate) in the reader's digits: 36,8 in French.
  if (typeof value === 'number') return { text: groupDigits(String(value), lang), stored };
  if (typeof value !== 'string') return { text: stored, stored };
  if (CODE.test(value)) return { text: codeWord(translate, entity, field, value) ?? value, stored };
  const decimal = decimalWord(value, lang);
  if (decimal) return { text: decimal, stored };
  if (DATE.test(value)) return { text: localDay(value, lang), stored };
  if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    const format = new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium', timeStyle: 'medium' });
    return { text: format.format(new Date(value)), stored };
  }
  return { text: value, stored };
}

function storedText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
