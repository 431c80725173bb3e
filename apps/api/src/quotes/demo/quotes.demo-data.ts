import { QuoteCreateSchema, QuoteTransportDetailsSchema } from '@velosi/contracts';
import { z } from 'zod';
import quotes1 from './demo-quotes-1.json' with { type: 'json' };
import quotes2 from './demo-quotes-2.json' with { type: 'json' };

// The demo quotes of the first start (see quotes.demo.ts), per demo commercial, in
// demo-quotes-*.json: quotes in every common status on the commercial's own clients, prospects
// and opportunities (keys of demo/demo-portfolio-*.json), priced the way the sales team does it —
// freight in EUR/USD at a frozen rate, local fees in TND with their VAT, duties as débours. The
// commercial1 set has Radès → Marseille 40HC, CDG → Tunis-Carthage air and Sfax/Sousse exports;
// commercial2 has Radès → Marseille 3 × 40HC, TUN → CDG express and road Sfax → Milano.

const Key = z.string().regex(/^[a-z0-9-]+$/);

const DemoQuoteSchema = z.strictObject({
  key: Key,
  /** A client of the portfolio (its primary contact is the addressee) or a prospect. */
  parent: z.union([z.strictObject({ client: Key }), z.strictObject({ lead: Key })]),
  opportunity: Key,
  status: z.enum(['draft', 'sent', 'accepted', 'rejected', 'expired']),
  /** Validity in days from today; negative for expired and old rejected quotes. */
  validInDays: z.number().int(),
  reason: z.string().optional(),
  transport: QuoteTransportDetailsSchema.optional(),
  customerReference: z.string().optional(),
  // Links, validity and assignment come from the seed context.
  quote: z.record(z.string(), z.unknown()),
});
export type DemoQuote = z.infer<typeof DemoQuoteSchema>;

const SETS: DemoQuote[][] = [quotes1, quotes2].map((data) => z.array(DemoQuoteSchema).parse(data));

/** Demo quotes of the i-th demo commercial (same portfolio order as demo/demo-data.ts). */
export function demoQuotes(index: number): DemoQuote[] {
  return SETS[index % SETS.length] ?? [];
}

/** The create body of a demo quote, validated by the API's own contract. */
export function demoQuoteBody(
  demo: DemoQuote,
  links: Record<string, string | undefined>,
  validUntil: string,
) {
  return QuoteCreateSchema.parse({ ...demo.quote, ...links, validUntil });
}
