import { z } from 'zod';
import { PageQuerySchema, pageSchema, sortSchema } from './pagination.js';
import { TAG_LIMITS, TRAFFICS, TRANSPORT_MODES } from './vocabulary.js';
import { FIELD_MESSAGES, decimalFormatMessage } from './problem.js';

// ---------------------------------------------------------------------------------------------
// Decimal strings. Money, quantities and rates travel in JSON as strings ("1234.500") so no JS
// float ever holds them; the API stores them as `numeric` and computes with decimal.js. The
// integer-digit caps match the columns the API is expected to declare: amounts numeric(15,3),
// exchange rates numeric(12,6).
// ---------------------------------------------------------------------------------------------

interface DecimalOptions {
  /** Most decimals allowed (fewer are fine: "12", "12.5" and "12.500" are all valid). */
  scale: number;
  /** Most digits before the point. */
  intDigits: number;
  /** A leading "-" is allowed (margins can be negative; prices cannot). */
  signed?: boolean;
  /** Zero is refused (quantities, exchange rates). */
  positive?: boolean;
}

/** A decimal string schema; no leading zeros ("007"), no exponent, no "1." or ".5". */
export function decimalString({ scale, intDigits, signed = false, positive = false }: DecimalOptions) {
  const integer = `(?:0|[1-9]\\d{0,${intDigits - 1}})`;
  const fraction = scale > 0 ? `(?:\\.\\d{1,${scale}})?` : '';
  const pattern = new RegExp(`^${signed ? '-?' : ''}${integer}${fraction}$`);
  const schema = z.string().regex(pattern, decimalFormatMessage(scale, signed));
  // A value is non-zero exactly when one of its digits is; no number parsing needed.
  return positive ? schema.refine((v) => /[1-9]/.test(v), FIELD_MESSAGES.positive) : schema;
}

/** Non-negative TND-style amount or unit price: up to 3 decimals (millimes). */
export const AmountSchema = decimalString({ scale: 3, intDigits: 12 });
/** Amount that may be negative (a margin when selling below cost). */
export const SignedAmountSchema = decimalString({ scale: 3, intDigits: 12, signed: true });
/** Quantities (containers, kg, m³ …): strictly positive, up to 3 decimals. */
export const QuantitySchema = decimalString({ scale: 3, intDigits: 12, positive: true });
/** Physical measures that may be zero (gross weight kg, volume m³, chargeable weight). */
export const MeasureSchema = decimalString({ scale: 3, intDigits: 12 });
/** Exchange rate to TND (1 unit of currency = rate TND): strictly positive, up to 6 decimals. */
export const ExchangeRateSchema = decimalString({ scale: 6, intDigits: 6, positive: true });
/** A percentage computed with 2 decimals (margin %), may be negative. */
export const PercentSchema = decimalString({ scale: 2, intDigits: 6, signed: true });

// ---------------------------------------------------------------------------------------------
// Codes, dates, identities
// ---------------------------------------------------------------------------------------------

/** The company's books are kept in Tunisian dinars; every total is computed in TND. */
/** ISO 4217 alphabetic code (upper case). */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, FIELD_MESSAGES.currencyCode);
/** ISO 3166-1 alpha-2 country code (upper case). */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, FIELD_MESSAGES.countryCode);

/** A calendar date `YYYY-MM-DD` (follow-ups, validity, ETD/ETA): no time zone to get wrong. */
export const IsoDateSchema = z.iso.date();
/** An instant with an explicit offset, e.g. `2026-03-01T09:30:00Z` (activity due time). */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** Record ids are UUIDs (the API generates them): they cannot be enumerated like serials. */
export const EntityIdSchema = z.uuid();
/** A user is referenced by the `sub` claim of their token (Keycloak user id). */
export const UserIdSchema = z.string().trim().min(1).max(255);
/** Users assigned to a record: a COMMERCIAL sees the records where their sub is listed. */
export const UserIdListSchema = z
  .array(UserIdSchema)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'users must not repeat');

/** Optimistic-locking version: a stale value makes the API answer 409. Fits a PostgreSQL int. */
export const VersionSchema = z.number().int().min(1).max(2_147_483_647);

/** Bodies of actions that only need the version (archive, restore, revise …). */
export const VersionedActionSchema = z.strictObject({ version: VersionSchema });
export type VersionedAction = z.infer<typeof VersionedActionSchema>;

// ---------------------------------------------------------------------------------------------
// Small field builders shared by the business objects
// ---------------------------------------------------------------------------------------------

/** Required trimmed text. Empty strings are refused: the SPA sends null for an empty input. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text; `null` clears the value on update. */
export const optionalText = (max: number) => text(max).nullish();
/**
 * A name or title: required text on one line. Line breaks and other control characters would
 * break list rows, CSV exports, PDF headers and e-mail subjects, so they are refused, not stored.
 */
export const line = (max: number) => text(max).regex(/^\P{Cc}*$/u, FIELD_MESSAGES.singleLine);
/** Optional single-line text; `null` clears the value on update. */
export const optionalLine = (max: number) => line(max).nullish();

export const EmailSchema = z.email().max(254);
/** The most addresses one mail goes to (a quote, an invoice, a reminder); the forms check it too. */
export const MAIL_MAX_RECIPIENTS = 10;
/** Loose on purpose: numbers come from many countries and are typed by hand. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ().\-/]{4,28}[0-9]$/, FIELD_MESSAGES.phone)
  // Eight digits at least: a Tunisian number has eight, and "+216 12" is no one's.
  .refine((v) => (v.match(/[0-9]/g)?.length ?? 0) >= 8, FIELD_MESSAGES.phone);

/** Free labels (e.g. lead tags): trimmed, unique, a handful per record. */
export const TagListSchema = z
  .array(text(TAG_LIMITS.maxLength))
  .max(TAG_LIMITS.maxCount)
  .refine((tags) => new Set(tags).size === tags.length, 'tags must not repeat');

/** An amount with its currency (estimated lead value, opportunity value). */
export const MoneySchema = z.strictObject({ amount: AmountSchema, currency: CurrencyCodeSchema });
export type Money = z.infer<typeof MoneySchema>;

/** Import or export, seen from Tunisia (lead traffic, opportunity traffic, quote direction). */
export const TrafficSchema = z.enum(TRAFFICS);
export type Traffic = z.infer<typeof TrafficSchema>;

/** Transport modes a quote is made for (opportunities use the same list). */
export const TransportModeSchema = z.enum(TRANSPORT_MODES);
export type TransportMode = z.infer<typeof TransportModeSchema>;

/**
 * Refinement for records linked to exactly one parent (an opportunity belongs to a lead OR a
 * client, an activity to one of lead/opportunity/quote/client). Null and absent count as unset.
 */
export function exactlyOneOf<const K extends string>(keys: readonly K[]) {
  return <T extends Partial<Record<K, unknown>>>(value: T, ctx: z.core.$RefinementCtx<T>) => {
    const set = keys.filter((k) => value[k] !== undefined && value[k] !== null);
    if (set.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: `exactly one of ${keys.join(', ')} is required` });
    }
  };
}

/** `{ leadId, clientId, … }` as nullable ids: the parent links of a record (see `exactlyOneOf`). */
export function linkFields<const K extends string>(keys: readonly K[]) {
  const link = EntityIdSchema.nullish();
  return Object.fromEntries(keys.map((key) => [key, link])) as { [P in K]: typeof link };
}

/** `{ leadId?, clientId?, … }`: list filters on those links. */
export function linkFilters<const K extends string>(keys: readonly K[]) {
  const filter = EntityIdSchema.optional();
  return Object.fromEntries(keys.map((key) => [key, filter])) as { [P in K]: typeof filter };
}

// ---------------------------------------------------------------------------------------------
// Entity builders: one field shape → read, update and list-query schemas
// ---------------------------------------------------------------------------------------------

/** Fields every stored record carries; set by the API, never accepted in a body. */
export const entityMetaShape = {
  id: EntityIdSchema,
  version: VersionSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  createdBy: UserIdSchema,
  archivedAt: IsoDateTimeSchema.nullable(),
};

/** The record as the API answers it: the object's fields plus `entityMetaShape`. */
export function readSchema<S extends z.ZodRawShape>(fields: S) {
  return z.object({ ...entityMetaShape, ...fields });
}

/**
 * PATCH body: every field optional (no defaults — a missing key means "leave as is", `null`
 * clears), unknown keys rejected, and the `version` the client last read is required.
 */
export function updateSchema<S extends z.ZodRawShape>(fields: S) {
  return z.strictObject(fields).partial().extend({ version: VersionSchema });
}

/** `archived=false` (default: live records), `true` (only archived) or `all`. */
export const ArchivedFilterSchema = z.enum(['false', 'true', 'all']).default('false');
export type ArchivedFilter = z.infer<typeof ArchivedFilterSchema>;

/**
 * A multi-value query filter: `status=new&status=lost` (repeated keys) or `status=new,lost`.
 * Always parsed to an array of allowed values.
 */
export function queryListSchema<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      (Array.isArray(raw) ? raw : [raw])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).min(1).max(20));
}

/** `true`/`false` in a query string (`z.coerce.boolean` would read "false" as true). */
export const QueryBooleanSchema = z.stringbool({ truthy: ['true'], falsy: ['false'] });

/** Every list can also be sorted by creation and last change. */
const COMMON_SORT_FIELDS = ['createdAt', 'updatedAt'] as const;

/**
 * The list contracts of an object: `query` is paging (`PageQuerySchema`), `sort` limited to the
 * object's `sortFields` (plus createdAt/updatedAt), `archived`, and the object's own filters —
 * unknown parameters are rejected so a typo does not silently list everything; `page` is the
 * answer `{ items, total, page, pageSize }`.
 */
export function listContracts<
  Item extends z.ZodType,
  const F extends readonly string[],
  S extends z.ZodRawShape,
>(item: Item, sortFields: F, filters: S) {
  const allSortFields = [...COMMON_SORT_FIELDS, ...sortFields] as const;
  return {
    sortFields: allSortFields,
    query: PageQuerySchema.extend({
      sort: sortSchema(allSortFields).optional(),
      archived: ArchivedFilterSchema,
      ...filters,
    }).strict(),
    page: pageSchema(item),
  };
}
