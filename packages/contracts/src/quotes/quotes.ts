import { z } from 'zod';
import { ChargeableWeightSchema } from './chargeable-weight.js';
import { DocumentLanguageSchema } from '../crm/clients.js';
import {
  CurrencyCodeSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  line,
  linkFields,
  linkFilters,
  listContracts,
  MeasureSchema,
  EntityIdSchema,
  optionalText,
  queryListSchema,
  TrafficSchema,
  TransportModeSchema,
  readSchema,
  updateSchema,
  UserIdListSchema,
  UserIdSchema,
  exactlyOneOf,
  ExchangeRateSchema,
} from '../common.js';
import { MAX_STORED_AMOUNT, quoteCurrencyTotalTooLarge, type BoundedLine } from '../amount-bounds.js';
import { decimalsDiffer } from '../decimal.js';
import { PublicQuoteLineSchema, QuoteLineListSchema, QuoteLineSchema } from './quote-lines.js';
import { QuoteNumberSchema } from './quote-number.js';
import { QuoteTotalsSchema } from './quote-totals.js';
import { SizeTypeCodeSchema } from '../reference/equipment.js';
import { ReadableCodeSchema } from '../reference/reference.js';
import { BASE_CURRENCY, INCOTERMS, QUOTE_STATUSES } from '../vocabulary.js';
import { FIELD_MESSAGES } from '../problem.js';

export const QuoteStatusSchema = z.enum(QUOTE_STATUSES);
export type QuoteStatus = z.infer<typeof QuoteStatusSchema>;

export const IncotermSchema = z.enum(INCOTERMS);
export type Incoterm = z.infer<typeof IncotermSchema>;

/**
 * An ISO 6346 size-type code from the equipment list (45G1, 22G1, 45R1). The short trade names of
 * the first quotes (40HC, 20DV …) have the same shape, so quotes stored before stay valid.
 */
export const ContainerTypeSchema = SizeTypeCodeSchema;
export type ContainerType = z.infer<typeof ContainerTypeSchema>;

export const ContainerRequirementSchema = z.strictObject({
  type: ContainerTypeSchema,
  count: z.number().int().min(1).max(999),
});
export type ContainerRequirement = z.infer<typeof ContainerRequirementSchema>;

/** "2 × 40HC + 1 × 20DV": each type once, so the counts are the whole story. */
export const ContainerListSchema = z
  .array(ContainerRequirementSchema)
  .max(20)
  .refine((list) => new Set(list.map((c) => c.type)).size === list.length, 'each container type once');

/** UN/LOCODE (`TNTUN`: country + 3 letters/digits 2–9) or IATA airport code (`TUN`); upper-cased. */
export const LocationCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(?:[A-Z]{2}[A-Z2-9]{3}|[A-Z]{3})$/, FIELD_MESSAGES.locationCode);

/** Where the goods start or end: a port/airport, a pickup/delivery address, or both (door-to-port …). */
export const RoutePointSchema = z
  .strictObject({ locationCode: LocationCodeSchema.nullish(), address: optionalText(500) })
  .refine((p) => Boolean(p.locationCode || p.address), 'give a port/airport code or an address');
export type RoutePoint = z.infer<typeof RoutePointSchema>;

/** Default validity of a quote: 15 days from the day it is made. */

/** What a user edits while the quote is a draft (the API refuses edits in other statuses). */
const quoteEditable = {
  contactId: EntityIdSchema.nullish(),
  opportunityId: EntityIdSchema.nullish(),
  title: line(200),
  mode: TransportModeSchema,
  direction: TrafficSchema,
  incoterm: IncotermSchema.nullish(),
  /** Named place of the incoterm ("FOB Radès"). */
  incotermPlace: optionalText(100),
  origin: RoutePointSchema,
  destination: RoutePointSchema,
  /**
   * The shipping line (`ARM-…`), airline (`CIE-…`) or haulier (`TRP-…`) quoted, by its readable
   * code; the read adds its name (`carrierName`).
   */
  carrierCode: ReadableCodeSchema.nullish(),
  commodity: optionalText(500),
  packagesCount: z.number().int().min(0).max(1_000_000).nullish(),
  grossWeightKg: MeasureSchema.nullish(),
  volumeM3: MeasureSchema.nullish(),
  containers: ContainerListSchema,
  transitTimeDays: z.number().int().min(0).max(365).nullish(),
  validUntil: IsoDateSchema,
  paymentTerms: optionalText(500),
  /** Printed on the quote and shown on the public link. */
  conditions: optionalText(5000),
  /** Staff only: never printed, never on the public link. */
  internalNotes: optionalText(5000),
  currency: CurrencyCodeSchema,
  /** TND per unit of the quote currency, frozen on the quote; absent for TND quotes. */
  exchangeRate: ExchangeRateSchema.nullish(),
  /** Timbre fiscal on this quote's total (false for exempt clients). */
  stampDutyApplies: z.boolean(),
  assignedTo: UserIdListSchema,
  items: QuoteLineListSchema,
};

/** The quote is for a client OR a prospect, fixed at creation (conversion re-links on the server). */
const QUOTE_LINK_KEYS = ['clientId', 'leadId'] as const;
const quoteLinks = linkFields(QUOTE_LINK_KEYS);

export interface QuoteConsistencyIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Rules across header fields and lines. Checked by the create schema; the API runs it again on
 * the merged record after a PATCH (a partial body cannot be checked alone).
 */
export function quoteConsistencyIssues(quote: {
  currency?: string;
  exchangeRate?: string | null;
  incoterm?: string | null;
  incotermPlace?: string | null;
  items?: readonly ({ currency: string; exchangeRate?: string | null } & Partial<BoundedLine>)[];
}): QuoteConsistencyIssue[] {
  const issues: QuoteConsistencyIssue[] = [];
  const currency = quote.currency ?? BASE_CURRENCY;
  if (currency !== BASE_CURRENCY && !quote.exchangeRate) {
    issues.push({ path: ['exchangeRate'], message: `a ${currency} quote needs its rate to TND` });
  }
  if (currency === BASE_CURRENCY && quote.exchangeRate && decimalsDiffer(quote.exchangeRate, '1')) {
    issues.push({ path: ['exchangeRate'], message: 'a TND quote has an exchange rate of 1' });
  }
  const quoteRate = quote.exchangeRate;
  if (currency !== BASE_CURRENCY && quoteRate) {
    quote.items?.forEach((line, index) => {
      if (line.currency === currency && line.exchangeRate && decimalsDiffer(line.exchangeRate, quoteRate)) {
        issues.push({
          path: ['items', index, 'exchangeRate'],
          message: `must equal the quote's ${currency} rate`,
        });
      }
    });
  }
  const bounded = (quote.items ?? []).filter((l): l is typeof l & BoundedLine => l.quantity !== undefined);
  if (currency !== BASE_CURRENCY && quoteRate && quoteCurrencyTotalTooLarge(bounded, quoteRate)) {
    issues.push({
      path: ['exchangeRate'],
      message: `the total in ${currency} at this rate would exceed ${MAX_STORED_AMOUNT}`,
    });
  }
  if (quote.incoterm && !quote.incotermPlace) {
    issues.push({ path: ['incotermPlace'], message: FIELD_MESSAGES.incotermPlace });
  }
  return issues;
}

export const QuoteCreateSchema = z
  .strictObject({
    ...quoteEditable,
    ...quoteLinks,
    /** Absent: today + `DEFAULT_QUOTE_VALIDITY_DAYS`. */
    validUntil: IsoDateSchema.optional(),
    containers: ContainerListSchema.default(() => []),
    currency: CurrencyCodeSchema.default(BASE_CURRENCY),
    stampDutyApplies: z.boolean().default(true),
    /** Absent: the API assigns the creating user. */
    assignedTo: UserIdListSchema.optional(),
    items: QuoteLineListSchema.default(() => []),
  })
  .superRefine((quote, ctx) => {
    exactlyOneOf(QUOTE_LINK_KEYS)(quote, ctx);
    for (const issue of quoteConsistencyIssues(quote)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type QuoteCreateInput = z.input<typeof QuoteCreateSchema>;
export type QuoteCreate = z.infer<typeof QuoteCreateSchema>;

/** PATCH of a draft; `items`, when given, replaces all the lines. */
export const QuoteUpdateSchema = updateSchema(quoteEditable);
export type QuoteUpdate = z.infer<typeof QuoteUpdateSchema>;

/** Booking facts entered when the client accepts, handed over to operations. */
export const QuoteTransportDetailsSchema = z
  .strictObject({
    /** Shipping line, airline or road carrier. */
    carrierName: optionalText(200),
    vesselName: optionalText(200),
    voyageNumber: optionalText(50),
    flightNumber: optionalText(20),
    bookingReference: optionalText(100),
    etd: IsoDateSchema.nullish(),
    eta: IsoDateSchema.nullish(),
    notes: optionalText(2000),
  })
  .refine((t) => !t.etd || !t.eta || t.eta >= t.etd, { path: ['eta'], message: 'ETA cannot be before ETD' });
export type QuoteTransportDetails = z.infer<typeof QuoteTransportDetailsSchema>;

/**
 * Names of the records a quote points at, read with it so every page names them (as links)
 * without another request: the client's name (else the prospect's company, else the person),
 * the contact's full name, the opportunity's title, the places and the carrier. Read in the same
 * query as the other names (QuotesRepository.readNames), never one request per quote.
 */
const quoteNames = {
  customerName: z.string(),
  contactName: z.string().nullable(),
  opportunityTitle: z.string().nullable(),
  /** Names of the reference rows the codes point at ("Radès"), null for a code not (or no longer) listed. */
  originName: z.string().nullable(),
  destinationName: z.string().nullable(),
  carrierName: z.string().nullable(),
};
export type QuoteNames = { [K in keyof typeof quoteNames]: z.infer<(typeof quoteNames)[K]> };

export const QuoteSchema = readSchema({
  ...quoteEditable,
  ...quoteLinks,
  items: z.array(QuoteLineSchema),
  number: QuoteNumberSchema,
  /** 1 for the original; the revise action makes revision + 1 and supersedes this one. */
  revision: z.number().int().min(1),
  revisedFromId: EntityIdSchema.nullable(),
  status: QuoteStatusSchema,
  sentAt: IsoDateTimeSchema.nullable(),
  decidedAt: IsoDateTimeSchema.nullable(),
  /** Reason given with reject or cancel. */
  statusReason: z.string().nullable(),
  transport: QuoteTransportDetailsSchema.nullable(),
  customerReference: z.string().nullable(),
  chargeableWeight: ChargeableWeightSchema.nullable(),
  totals: QuoteTotalsSchema,
  ...quoteNames,
});
export type Quote = z.infer<typeof QuoteSchema>;

/**
 * A row of the quotes list and CSV export: the quote without its lines (a page of 50 quotes with
 * their lines weighed ~190 KB); the detail route (`GET /api/quotes/:id`) gives the lines.
 */
export const QuoteListItemSchema = QuoteSchema.omit({ items: true });
export type QuoteListItem = z.infer<typeof QuoteListItemSchema>;

export const {
  sortFields: QUOTE_SORT_FIELDS,
  query: QuoteListQuerySchema,
  page: QuotePageSchema,
} = listContracts(QuoteListItemSchema, ['number', 'title', 'status', 'validUntil'], {
  ...linkFilters([...QUOTE_LINK_KEYS, 'opportunityId']),
  status: queryListSchema(QuoteStatusSchema).optional(),
  mode: queryListSchema(TransportModeSchema).optional(),
  direction: TrafficSchema.optional(),
  assignedTo: UserIdSchema.optional(),
  validFrom: IsoDateSchema.optional(),
  validTo: IsoDateSchema.optional(),
});
export type QuoteListQuery = z.infer<typeof QuoteListQuerySchema>;
export type QuotePage = z.infer<typeof QuotePageSchema>;

/**
 * The customer's view (public link, PDF): what is quoted and what it costs — never buy prices,
 * margins, internal notes or assignees. Picked field by field (a positive list) so a new staff
 * field is private by default. `customerName` and `language` are added by the API from the client.
 */
export const PublicQuoteSchema = QuoteSchema.pick({
  number: true,
  revision: true,
  title: true,
  status: true,
  mode: true,
  direction: true,
  incoterm: true,
  incotermPlace: true,
  origin: true,
  destination: true,
  originName: true,
  destinationName: true,
  carrierName: true,
  commodity: true,
  packagesCount: true,
  grossWeightKg: true,
  volumeM3: true,
  chargeableWeight: true,
  containers: true,
  transitTimeDays: true,
  validUntil: true,
  paymentTerms: true,
  conditions: true,
  currency: true,
  exchangeRate: true,
  sentAt: true,
}).extend({
  customerName: z.string(),
  language: DocumentLanguageSchema,
  items: z.array(PublicQuoteLineSchema),
  totals: QuoteTotalsSchema.omit({ buyTnd: true, marginTnd: true, marginPercent: true }),
});
export type PublicQuote = z.infer<typeof PublicQuoteSchema>;
