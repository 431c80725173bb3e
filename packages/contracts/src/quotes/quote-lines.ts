import { z } from 'zod';
import { AmountSchema, EntityIdSchema, ExchangeRateSchema, QuantitySchema, text } from '../common.js';
import { decimalsDiffer } from '../decimal.js';
import {
  addIssues,
  disbursementVatIssue,
  lineTotalIssue,
  pricingFields,
  pricingInputDefaults,
  tndRateIssue,
  type LineIssue,
} from '../line-pricing.js';
import { QuoteLineTotalsSchema } from './quote-totals.js';
import { BASE_CURRENCY, QUOTE_LINE_KINDS, QUOTE_LINE_UNITS } from '../vocabulary.js';

/** Freight (the main carriage) or an additional cost (THC, customs, trucking, documents …). */
export const QuoteLineKindSchema = z.enum(QUOTE_LINE_KINDS);
export type QuoteLineKind = z.infer<typeof QuoteLineKindSchema>;

/** What the quantity counts (freight tariffs are per container, per kg, per m³ or per revenue ton). */
export const QuoteLineUnitSchema = z.enum(QUOTE_LINE_UNITS);
export type QuoteLineUnit = z.infer<typeof QuoteLineUnitSchema>;

/** Code of a reference charge type (`charge_type`), e.g. THC, BAF, DOC. */
export const ChargeTypeCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,20}$/, 'expected a charge type code such as THC');

const quoteLineFields = {
  kind: QuoteLineKindSchema,
  description: text(500),
  chargeTypeCode: ChargeTypeCodeSchema.nullish(),
  quantity: QuantitySchema,
  unit: QuoteLineUnitSchema,
  /** Unit prices are in the line currency; totals are converted to TND with `exchangeRate`. */
  buyUnitPrice: AmountSchema,
  sellUnitPrice: AmountSchema,
  ...pricingFields,
};

/** A line as sent in a quote's `items` (create and update replace the whole list). */
export const QuoteLineInputSchema = z
  .strictObject({
    ...quoteLineFields,
    ...pricingInputDefaults,
    /** Absent for TND lines (the API stores 1); required for any other currency. */
    exchangeRate: ExchangeRateSchema.optional(),
  })
  .superRefine((line, ctx) => {
    const needsRate: LineIssue | undefined =
      line.currency !== BASE_CURRENCY && line.exchangeRate === undefined
        ? { path: ['exchangeRate'], message: `a ${line.currency} line needs its rate to TND` }
        : undefined;
    const atCost: LineIssue | undefined =
      line.isDisbursement && decimalsDiffer(line.buyUnitPrice, line.sellUnitPrice)
        ? { path: ['sellUnitPrice'], message: 'a disbursement is re-billed at cost' }
        : undefined;
    addIssues(ctx, [tndRateIssue(line), needsRate, atCost, lineTotalIssue(line), disbursementVatIssue(line)]);
  });
export type QuoteLineInput = z.infer<typeof QuoteLineInputSchema>;

/**
 * A quote's lines. Within one quote a currency has one rate: two EUR lines at different rates
 * would make the quote-currency total meaningless.
 */
export const QuoteLineListSchema = z
  .array(QuoteLineInputSchema)
  .max(200)
  .superRefine((lines, ctx) => {
    const rates = new Map<string, string>();
    lines.forEach((line, index) => {
      if (line.exchangeRate === undefined) return;
      const seen = rates.get(line.currency);
      if (seen === undefined) rates.set(line.currency, line.exchangeRate);
      else if (decimalsDiffer(seen, line.exchangeRate)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'exchangeRate'],
          message: `${line.currency} is already priced at ${seen} on this quote`,
        });
      }
    });
  });

/** A stored line: its fields, its position on the quote and the figures `computeLineTotals` gives. */
export const QuoteLineSchema = z.object({
  id: EntityIdSchema,
  position: z.number().int().min(0),
  ...quoteLineFields,
  ...QuoteLineTotalsSchema.shape,
});
export type QuoteLine = z.infer<typeof QuoteLineSchema>;

/**
 * A line as the customer sees it (public link, PDF): sell side only. A positive list on purpose,
 * so a field added to `QuoteLineSchema` later stays private until someone decides otherwise.
 */
export const PublicQuoteLineSchema = QuoteLineSchema.pick({
  position: true,
  kind: true,
  description: true,
  quantity: true,
  unit: true,
  sellUnitPrice: true,
  currency: true,
  exchangeRate: true,
  vatRate: true,
  isDisbursement: true,
  sellTotalTnd: true,
  vatTnd: true,
});
export type PublicQuoteLine = z.infer<typeof PublicQuoteLineSchema>;
