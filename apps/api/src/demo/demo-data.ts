import {
  ActivityStatusSchema,
  ActivityTypeSchema,
  ClientCreateSchema,
  ContactCreateSchema,
  LeadCreateSchema,
  OpportunityDraftSchema,
  OpportunityStageSchema,
} from '@velosi/contracts';
import { z } from 'zod';
import portfolio1 from './demo-portfolio-1.json' with { type: 'json' };
import portfolio2 from './demo-portfolio-2.json' with { type: 'json' };

// The demo a new user sees on the first start: per demo commercial a handful of clients (with a
// primary contact), leads in several statuses, opportunities across every stage and activities,
// some overdue. The data lives in demo-portfolio-*.json (commercial1: exporters around Sfax and
// Sousse and a French buyer; commercial2: Cap Bon/Tunis industry, a Hamburg importer, project
// cargo); records are keyed so their ids are deterministic (see demoId), and dates are offsets in
// days from the seeding day so "overdue" and "next week" stay true whenever it runs. The JSON is
// checked against the same contract schemas as API bodies.

const Key = z.string().regex(/^[a-z0-9-]+$/);

const DemoClientSchema = z.strictObject({
  key: Key,
  /** `assignedTo` is left out: the seed assigns the portfolio's commercial. */
  client: ClientCreateSchema,
  /** A VAT suspension, its dates as offsets in days from the seeding day (one expiring soon). */
  vatSuspension: z
    .strictObject({
      number: z.string().min(1),
      issuedInDays: z.number().int(),
      expiresInDays: z.number().int(),
    })
    .optional(),
  contact: ContactCreateSchema.omit({ isPrimary: true }),
});

const DemoLeadSchema = z.strictObject({
  key: Key,
  lead: LeadCreateSchema.omit({ assignedTo: true, nextFollowUpDate: true }),
  /** Days from today; negative = a follow-up already late. */
  followUpInDays: z.number().int().optional(),
});

const DemoOpportunitySchema = z.strictObject({
  key: Key,
  /** Key of a client or lead of the same portfolio. */
  parent: z.union([z.strictObject({ client: Key }), z.strictObject({ lead: Key })]),
  draft: OpportunityDraftSchema.omit({ assignedTo: true, stage: true, expectedCloseDate: true }),
  stage: OpportunityStageSchema,
  closeInDays: z.number().int(),
  /** Won/lost reason (closed stages). */
  reason: z.string().optional(),
});

const DemoActivitySchema = z.strictObject({
  key: Key,
  link: z.union([
    z.strictObject({ lead: Key }),
    z.strictObject({ opportunity: Key }),
    z.strictObject({ client: Key }),
  ]),
  type: ActivityTypeSchema,
  subject: z.string().min(1).max(200),
  status: ActivityStatusSchema,
  /** Days from now (fractions allowed); negative with an open status = overdue. */
  dueInDays: z.number(),
});

const DemoPortfolioSchema = z.strictObject({
  clients: z.array(DemoClientSchema),
  leads: z.array(DemoLeadSchema),
  opportunities: z.array(DemoOpportunitySchema),
  activities: z.array(DemoActivitySchema),
});

export type DemoOpportunity = z.infer<typeof DemoOpportunitySchema>;
export type DemoActivity = z.infer<typeof DemoActivitySchema>;
export type DemoPortfolio = z.infer<typeof DemoPortfolioSchema>;

const PORTFOLIOS: DemoPortfolio[] = [portfolio1, portfolio2].map((data) => DemoPortfolioSchema.parse(data));

/** The demo commercials, in the order their portfolios are handed out. */
export const DEMO_COMMERCIALS = ['commercial1', 'commercial2'] as const;

/** Portfolio of the i-th demo commercial (cycling if there are more commercials than portfolios). */
export function demoPortfolio(index: number): DemoPortfolio {
  return PORTFOLIOS[index % PORTFOLIOS.length] as DemoPortfolio;
}
