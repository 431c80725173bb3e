import { z } from 'zod';
import {
  AmountSchema,
  CurrencyCodeSchema,
  ExchangeRateSchema,
  PercentSchema,
  SignedAmountSchema,
} from '../common.js';
import { VAT_RATES } from '../vocabulary.js';

import type { QuoteLineTotals, QuoteTotals, VatBreakdownEntry, VatRate } from './quote-math.js';

/**
 * Quote totals, computed the same way by the API (authoritative: what is stored and printed) and
 * by the SPA (live preview while a line is typed). Inputs and outputs are decimal strings;
 * every operation runs on decimal.js, never on JS numbers.
 */

export const VatRateSchema = z.literal(VAT_RATES) satisfies z.ZodType<VatRate>;

export const QuoteLineTotalsSchema = z.object({
  buyTotalTnd: AmountSchema,
  sellTotalTnd: AmountSchema,
  marginTnd: SignedAmountSchema,
  /** Margin / sell × 100 with 2 decimals; null when the line sells for 0. */
  marginPercent: PercentSchema.nullable(),
  vatTnd: AmountSchema,
}) satisfies z.ZodType<QuoteLineTotals>;

export const VatBreakdownEntrySchema = z.object({
  rate: VatRateSchema,
  /** Sum of the (non-disbursement) sell totals taxed at this rate. */
  baseTnd: AmountSchema,
  vatTnd: AmountSchema,
}) satisfies z.ZodType<VatBreakdownEntry>;

export const QuoteTotalsSchema = z.object({
  buyTnd: AmountSchema,
  /** Everything billed before tax, disbursements included. */
  sellTnd: AmountSchema,
  marginTnd: SignedAmountSchema,
  /** Margin over sell WITHOUT disbursements (débours are not turnover); null when that is 0. */
  marginPercent: PercentSchema.nullable(),
  vatTnd: AmountSchema,
  /** One entry per VAT rate used by a non-disbursement line, highest rate first. */
  vatBreakdown: z.array(VatBreakdownEntrySchema),
  disbursementsTnd: AmountSchema,
  stampDutyTnd: AmountSchema,
  /** sell (incl. débours) + VAT + stamp duty. */
  totalTnd: AmountSchema,
  /** The grand total in the quote currency (total TND / its rate); null for TND quotes. */
  quoteCurrency: z
    .object({ currency: CurrencyCodeSchema, exchangeRate: ExchangeRateSchema, totalAmount: AmountSchema })
    .nullable(),
}) satisfies z.ZodType<QuoteTotals>;
