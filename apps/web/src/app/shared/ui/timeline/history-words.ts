import type { FieldChange, TimelineAuditItem } from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { AuditPart, CODE, DATE, auditPartOf, codeWord, fieldLabel, localDay } from '../../audit/field-words';
import { mailOutcomeKey } from '../../mail/mail-outcome';
import { decimalWord, formatMoney, groupDigits } from '../../sales/money';
import { pluralOf } from '../../../core/i18n/plural';
import type { TimelineRecordType } from '../../sales/record-api';
import { partChanges } from './history-parts';
import { dateLocale } from '../../../core/i18n/languages';

/** Transloco's `translate` as the formatter needs it (a missing key comes back as the key). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** One line of an audit entry: "Statut : brouillon → envoyée", the value after possibly a link. */
export interface HistoryLine {
  readonly field: string;
  readonly label: string;
  /** Null when the field was set from nothing (or for facts such as an e-mail's recipients). */
  readonly before: string | null;
  readonly after: string;
  /** Router path of the record the value names ("client converti : Céramiques du Sahel"). */
  readonly link: string | null;
}

export interface HistoryEntry {
  readonly title: string;
  /** The part of the record the entry is about ("MSCU1234565", "Fret maritime"), else null. */
  readonly subject: string | null;
  readonly actor: string;
  readonly lines: readonly HistoryLine[];
}

export interface HistoryContext {
  readonly type: TimelineRecordType;
  readonly t: Translate;
  readonly lang: string;
  /** The reader's own `sub`: their entries say "you". */
  readonly me: string | null;
}

const K = 'sales.history';

/**
 * Records whose history names fields and codes as their own pages do, like the admin audit page
 * (shared/audit/field-words.ts): the audit object they are. The sales records keep the history's
 * own words (`sales.history.fields`), which their pages were written with.
 */
const PAGE_WORDS: Partial<Record<TimelineRecordType, string>> = { jobs: 'job' };

/** Actions the history names; any other reads "Modification (action)". */
const ACTIONS = new Set([
  'create',
  'update',
  'archive',
  'restore',
  'convert',
  'stage_change',
  'complete',
  'send',
  'accept',
  'reject',
  'cancel',
  'revise',
  'expire',
  'email',
  'replace_lines',
  'revoke_public_links',
  'delete',
  'status_change',
  'milestone_add',
  'milestone_remove',
  'milestone_emailed',
  'container_add',
  'container_update',
  'container_remove',
  'charge_add',
  'charge_update',
  'charge_remove',
  'attachment_add',
  'attachment_delete',
  'close',
]);

/** Fields that hold the id of another record: shown by name, linked to its page. */
const RECORD_LINKS: Readonly<Record<string, string>> = {
  clientId: '/clients',
  convertedClientId: '/clients',
  leadId: '/leads',
  opportunityId: '/opportunities',
  convertedOpportunityId: '/opportunities',
  contactId: '',
  revisedFromId: '/quotes',
};
const USER_FIELDS = new Set(['assignedTo', 'ownerId', 'createdBy']);
/** Bookkeeping a person would not write down (ids of messages, search columns, derived sums). */
const HIDDEN = new Set([
  'messageId',
  'searchText',
  'updatedAt',
  'version',
  'createdAt',
  'createdBy',
  // Said by the title instead ("E-mail not sent (no mail server)").
  'outbox',
]);
/** Fields with a label of their own under `sales.history.fields`. */
const LABELLED = new Set([
  'status',
  'stage',
  'assignedTo',
  'ownerId',
  'clientId',
  'convertedClientId',
  'leadId',
  'opportunityId',
  'convertedOpportunityId',
  'contactId',
  'revisedFromId',
  'title',
  'name',
  'fullName',
  'company',
  'value',
  'probability',
  'expectedCloseDate',
  'closeReason',
  'statusReason',
  'priority',
  'source',
  'tags',
  'validUntil',
  'sentAt',
  'decidedAt',
  'closedAt',
  'convertedAt',
  'items',
  'totals',
  'currency',
  'customerReference',
  'transport',
  'recipients',
  'cc',
  'subject',
  'revoked',
  'nextFollowUpDate',
  'dueAt',
  'doneAt',
  'description',
  'outcome',
]);
/** Enumerations whose values are words of the vocabulary (lower-cased inside a sentence). */
const STATUS_WORDS: Partial<Record<TimelineRecordType, string>> = {
  quotes: `${K}.quoteStatus`,
  leads: 'sales.leadStatus',
};
const VOCABULARY: Readonly<Record<string, (type: TimelineRecordType) => string | undefined>> = {
  status: (type) => STATUS_WORDS[type],
  stage: () => 'sales.stage',
  priority: () => 'sales.priority',
  source: () => 'sales.leadSource',
};

/**
 * Texts the server writes in English into records (a won reason). They are recognised by their
 * fixed shape — so rows written before this formatter read the same — and said again in the
 * reader's language. The quote e-mail's subject is not one of them: it is stored as the client
 * received it ("Cotation …" when sent in French) and shown so.
 */
const SERVER_TEXTS: readonly { pattern: RegExp; key: string; params: (m: RegExpMatchArray) => object }[] = [
  {
    pattern: /^Quote (\S+) accepted$/,
    key: `${K}.serverText.quoteAccepted`,
    params: (m) => ({ number: m[1] }),
  },
];

export function serverText(text: string, t: Translate): string {
  for (const known of SERVER_TEXTS) {
    const match = text.match(known.pattern);
    if (match) return t(known.key, known.params(match) as Record<string, unknown>);
  }
  return text;
}

/** What a person says first: the status or stage, then to whom an e-mail went; the rest after. */
const FIRST = ['status', 'stage', 'recipients', 'cc', 'subject'];
function rank(field: string): number {
  const index = FIRST.indexOf(field);
  return index < 0 ? FIRST.length : index;
}

/** "expectedCloseDate" → "expected close date": the last resort for a field without a label. */
function humanize(field: string): string {
  return field
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function isMoney(value: unknown): value is { amount: string; currency: string } {
  return typeof value === 'object' && value !== null && 'amount' in value && 'currency' in value;
}

/**
 * The words of one audit entry: who, what, and each change as a person would write it. An e-mail
 * the dev outbox took (no mail server, `outbox: true`) never reached the client and says so.
 */
export function describeAudit(item: TimelineAuditItem, ctx: HistoryContext): HistoryEntry {
  const { t } = ctx;
  const notMailed =
    item.action === 'email' && item.changes.some((c) => c.field === 'outbox' && c.after === true);
  const title = ACTIONS.has(item.action)
    ? t(`${K}.actions.${mailOutcomeKey(item.action, notMailed)}`)
    : t(`${K}.actions.other`, { action: item.action });
  const entity = PAGE_WORDS[ctx.type];
  const part = entity ? auditPartOf(entity, item.action) : null;
  const { name, changes } =
    entity && part ? partChanges(item, entity, part, t) : { name: null, changes: item.changes };
  const lines = changes
    .filter((c) => !HIDDEN.has(c.field) && !saidByName(c.field, changes, ctx))
    .sort((a, b) => rank(a.field) - rank(b.field))
    .map((c) => describeChange(c, item, ctx, part))
    // "Sent to" would contradict the title: the addresses were only meant to receive it.
    .map((line) =>
      notMailed && line.field === 'recipients'
        ? { ...line, label: t(`${K}.fields.recipientsNotMailed`) }
        : line,
    );
  return { title, subject: name, actor: actorName(item, ctx), lines };
}

/**
 * A job keeps the name of what it points at beside its id or code (`shipperId` and `shipperName`,
 * `carrierCode` and `carrierName`): when both changed, the name says it and the id is left out.
 */
function saidByName(field: string, changes: readonly FieldChange[], ctx: HistoryContext): boolean {
  if (!PAGE_WORDS[ctx.type] || !/(Id|Code)$/.test(field)) return false;
  const name = field.replace(/(Id|Code)$/, 'Name');
  return changes.some((c) => c.field === name);
}

/**
 * A field's label: on a record with page words, the one its pages (or the part's form) show, else
 * the history's own label, else the field's name in words.
 */
function labelOf(field: string, ctx: HistoryContext, part: AuditPart | null): string {
  const entity = PAGE_WORDS[ctx.type];
  const label = entity ? fieldLabel(ctx.t, entity, field, part) : field;
  if (label !== field) return label;
  return LABELLED.has(field) ? ctx.t(`${K}.fields.${field}`) : humanize(field);
}

export function actorName(item: Pick<TimelineAuditItem, 'actor' | 'names'>, ctx: HistoryContext): string {
  if (ctx.me && item.actor === ctx.me) return ctx.t('sales.timeline.you');
  if (item.actor === 'public-link') return ctx.t(`${K}.actor.publicLink`);
  if (item.actor === 'system') return ctx.t(`${K}.actor.system`);
  return item.names?.[item.actor] ?? ctx.t(`${K}.actor.unknown`);
}

function describeChange(
  change: FieldChange,
  item: TimelineAuditItem,
  ctx: HistoryContext,
  part: AuditPart | null,
): HistoryLine {
  const { t } = ctx;
  const label = labelOf(change.field, ctx, part);
  const base = RECORD_LINKS[change.field];
  const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);
  const link =
    base && typeof change.after === 'string' && item.names?.[change.after] ? `${base}/${change.after}` : null;
  // A value set from nothing reads "Client converti : Céramiques du Sahel", not "∅ → …".
  if (change.field === 'items' || change.field === 'totals') return { label, link, ...figures(change, ctx) };
  const before = empty(change.before) ? null : value(change.field, change.before, item, ctx, part);
  const after = empty(change.after) ? t(`${K}.empty`) : value(change.field, change.after, item, ctx, part);
  return { field: change.field, label, before, after, link };
}

/**
 * A quote's lines and totals are documents, not values: the lines say how many there are, the
 * totals their grand total in TND ("Montants : 1 200,000 TND → 1 450,500 TND"), else "recalculés".
 */
function figures(change: FieldChange, ctx: HistoryContext): Pick<HistoryLine, 'field' | 'before' | 'after'> {
  const { t, lang } = ctx;
  const say = (raw: unknown): string | null => {
    if (Array.isArray(raw)) return t(`${K}.lineCount.${pluralOf(raw.length, lang)}`, { count: raw.length });
    const total = typeof raw === 'object' && raw !== null && 'totalTnd' in raw ? raw.totalTnd : null;
    return typeof total === 'string' ? formatMoney(total, BASE_CURRENCY, lang) : null;
  };
  const [before, after] = [say(change.before), say(change.after)];
  if (after === null) return { field: change.field, before: null, after: t(`${K}.recalculated`) };
  return { field: change.field, before: before === after ? null : before, after };
}

/**
 * One value in words: vocabulary, names for ids, dates in the reader's language, amounts and
 * quantities with its digit grouping. Numbers of documents (an IMO number, a booking, a container)
 * are shown as stored: only numbers and decimal strings are grouped.
 */
export function value(
  field: string,
  raw: unknown,
  item: TimelineAuditItem,
  ctx: HistoryContext,
  part: AuditPart | null = null,
): string {
  const { t, lang } = ctx;
  if (raw === null || raw === undefined || raw === '') return t(`${K}.empty`);
  if (Array.isArray(raw)) return raw.map((v) => value(field, v, item, ctx, part)).join(', ');
  if (USER_FIELDS.has(field) || field in RECORD_LINKS) {
    return typeof raw === 'string' ? (item.names?.[raw] ?? t(`${K}.unnamed`)) : String(raw);
  }
  if (typeof raw === 'boolean') return t(raw ? `${K}.yes` : `${K}.no`);
  if (typeof raw === 'number') return groupDigits(String(raw), lang);
  if (isMoney(raw)) return formatMoney(raw.amount, raw.currency, lang);
  if (typeof raw === 'object') return t(`${K}.changed`);
  const text = String(raw);
  const entity = PAGE_WORDS[ctx.type];
  const word = entity && CODE.test(text) ? codeWord(t, entity, field, text, part) : null;
  // Lower case inside the sentence, as the sales vocabulary below ("Statut : ouvert → en transit").
  if (word) return inSentence(word, lang);
  const vocabulary = VOCABULARY[field]?.(ctx.type);
  if (vocabulary) {
    const word = t(`${vocabulary}.${text}`);
    return word.startsWith(vocabulary) ? text : inSentence(word, lang);
  }
  if (DATE.test(text)) return localDay(text, lang);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const date = new Date(text);
    if (!Number.isNaN(date.getTime())) {
      return new Intl.DateTimeFormat(dateLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(
        date,
      );
    }
  }
  return decimalWord(text, lang) ?? serverText(text, t);
}

/**
 * A word of the vocabulary inside a sentence: the capital of its first word dropped ("En transit" →
 * "en transit", "Maritime FCL" → "maritime FCL"); acronyms and names kept ("FCL", "LinkedIn").
 */
function inSentence(word: string, lang: string): string {
  if (!/^\p{Lu}\p{Ll}*(\s|$)/u.test(word)) return word;
  return word.charAt(0).toLocaleLowerCase(lang) + word.slice(1);
}
