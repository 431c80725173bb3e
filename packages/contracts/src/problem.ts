import { z } from 'zod';

/** One offending field of a rejected body or query (path is dot-joined, e.g. `items.0.qty`). */
export const FieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  /**
   * What is wrong, for a client to word in its reader's language: a key of FIELD_MESSAGES or a
   * FIELD_CHECKS name. Absent for a message of its own (shown as written).
   */
  code: z.string().optional(),
  /** The limit the code names: `{ max: 90 }`, `{ decimals: 3 }`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, the body of every error answered by the API. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(FieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * `type` of the problems a client is expected to act on (relative URIs, RFC 9457 §3.1.1); any other
 * problem is `about:blank` and its status says it all.
 */
export const PROBLEM_TYPES = {
  /** 409: the record changed since the client read it; reload (`currentVersion`) and retry. */
  conflict: '/problems/conflict',
  /** 409: the action does not fit the record's state (converting a converted lead, archiving twice). */
  invalidState: '/problems/invalid-state',
  /** 409: another live record already holds this unique value (a client's tax id): `existingId`. */
  duplicate: '/problems/duplicate',
  /** 413: an uploaded file is over the cap (`maxBytes`); nothing of the request was stored. */
  fileTooLarge: '/problems/file-too-large',
  /** 415: an uploaded file's content is not an accepted type; nothing of the request was stored. */
  unsupportedFileType: '/problems/unsupported-file-type',
} as const;

/**
 * The 409 answered for a stale `version`: carries the version the record has now. `currentVersion`
 * is absent when the race was lost against another record (two contacts made primary at once).
 */
export const ConflictProblemSchema = ProblemSchema.extend({
  type: z.literal(PROBLEM_TYPES.conflict),
  currentVersion: z.number().int().optional(),
});
export type ConflictProblem = z.infer<typeof ConflictProblemSchema>;

/** The 409 answered when a unique business value is taken: the record that holds it. */
export const DuplicateProblemSchema = ProblemSchema.extend({
  type: z.literal(PROBLEM_TYPES.duplicate),
  existingId: z.string(),
  /** The field whose value is taken, e.g. `fiscalId`. */
  field: z.string(),
});
export type DuplicateProblem = z.infer<typeof DuplicateProblemSchema>;

/**
 * Field-error messages the API words the same way every time, by their `code` (the SPA's
 * validation key: shown in the reader's language; any other message is shown as the API wrote it).
 */
export const FIELD_MESSAGES = {
  implausibleRate: 'too far from the reference rate of the day (more than twice it, or less than half)',
  afterToday: 'cannot be after today',
  dueBeforeInvoiceDate: 'the due date is before the invoice date',
  duplicate: 'already used by another record',
  positive: 'must be greater than 0',
  singleLine: 'expected a single line without control characters',
  currencyCode: 'expected an ISO 4217 code such as TND',
  countryCode: 'expected an ISO 3166 alpha-2 code such as TN',
  locationCode: 'expected a UN/LOCODE (TNRDS) or an IATA code (TUN)',
  airlineCode: 'expected a 2-character IATA airline code such as TU',
  imoNumber: 'expected an IMO number of 7 digits with a valid check digit, e.g. 9074729',
  sizeType: 'expected an ISO 6346 size-type code such as 45G1',
  swift: 'expected a SWIFT/BIC code such as BIATTNTT',
  bankCheckDigits: 'the IBAN or RIB check digits do not match',
  requiredWhenVatSuspended: 'required when VAT is suspended',
  requiredWhenBlocked: 'required when the client is blocked',
  timeZone: 'expected an IANA time zone such as Africa/Tunis',
  unknownCurrency: 'not a currency in use (ISO 4217)',
  reminderAfterDue: 'the reminder is after the due time',
  phone: 'expected a phone number such as +216 71 000 000',
  incotermPlace: 'an incoterm names its place (e.g. FOB Radès)',
} as const;
export type FieldMessageCode = keyof typeof FIELD_MESSAGES;

/**
 * Codes of the checks the schemas make themselves (zod's own issues): `required`, lengths and
 * bounds with their limit in `params`, a decimal's format with its `decimals`.
 */
export const FIELD_CHECKS = [
  'required',
  'minLength',
  'maxLength',
  'min',
  'max',
  'greaterThan',
  'lessThan',
  'minItems',
  'maxItems',
  'email',
  'url',
  'decimalFormat',
  'signedDecimalFormat',
  'unknownField',
] as const;
export type FieldCheck = (typeof FIELD_CHECKS)[number];

/** The message of a decimal string's format (common.ts), read back by `wordedCode`. */
export function decimalFormatMessage(scale: number, signed: boolean): string {
  return `expected a ${signed ? 'signed ' : ''}decimal string with at most ${scale} decimals, e.g. "12.5"`;
}
const DECIMAL_FORMAT = /^expected a (signed )?decimal string with at most (\d+) decimals/;

/** The code (and params) of a message the contracts word alike every time; null for any other. */
export function wordedCode(message: string): Pick<FieldError, 'code' | 'params'> | null {
  const key = (Object.keys(FIELD_MESSAGES) as FieldMessageCode[]).find((k) => FIELD_MESSAGES[k] === message);
  if (key) return { code: key };
  const format = DECIMAL_FORMAT.exec(message);
  if (!format) return null;
  const code = format[1] ? 'signedDecimalFormat' : 'decimalFormat';
  return { code, params: { decimals: Number(format[2]) } };
}
