import { z } from 'zod';
import {
  CurrencyCodeSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  line,
  linkFields,
  linkFilters,
  listContracts,
  MoneySchema,
  optionalText,
  queryListSchema,
  TrafficSchema,
  TransportModeSchema,
  readSchema,
  updateSchema,
  UserIdListSchema,
  UserIdSchema,
  VersionSchema,
  exactlyOneOf,
  text,
} from '../common.js';
import { CLOSED_STAGES, COMPETITOR_LIMITS, OPPORTUNITY_STAGES, isClosedStage } from '../vocabulary.js';

export const OpportunityStageSchema = z.enum(OPPORTUNITY_STAGES);
export type OpportunityStage = z.infer<typeof OpportunityStageSchema>;

export const OpenOpportunityStageSchema = OpportunityStageSchema.exclude(CLOSED_STAGES);

export const ProbabilitySchema = z.number().int().min(0).max(100);

/** What a user edits with PATCH. Stage and close reason change only through the stage action. */
const opportunityEditable = {
  title: line(200),
  value: MoneySchema.nullish(),
  probability: ProbabilitySchema,
  expectedCloseDate: IsoDateSchema.nullish(),
  /** Free text at this stage (city, country or port code): the quote pins exact locations. */
  origin: optionalText(200),
  destination: optionalText(200),
  transportType: TransportModeSchema.nullish(),
  traffic: TrafficSchema.nullish(),
  /** Competing forwarders named by the prospect. */
  competitors: z.array(text(COMPETITOR_LIMITS.maxLength)).max(COMPETITOR_LIMITS.maxCount),
  assignedTo: UserIdListSchema,
};

/** The parent: exactly one of them is set, fixed at creation (lead conversion re-links on the server). */
const OPPORTUNITY_LINK_KEYS = ['leadId', 'clientId'] as const;
const opportunityLinks = linkFields(OPPORTUNITY_LINK_KEYS);

/**
 * Body of a new opportunity without its parent: used as is by the lead conversion (the parent is
 * the client being created) and, with the parent, by `POST /api/opportunities`.
 */
export const OpportunityDraftSchema = z.strictObject({
  ...opportunityEditable,
  /** Absent: `STAGE_DEFAULT_PROBABILITY[stage]`. */
  probability: ProbabilitySchema.optional(),
  /** An opportunity is created open; closing it goes through the stage change (reason required). */
  stage: OpenOpportunityStageSchema.default('prospecting'),
  competitors: opportunityEditable.competitors.default(() => []),
  /** Absent: the API assigns the creating user. */
  assignedTo: UserIdListSchema.optional(),
});
export type OpportunityDraftInput = z.input<typeof OpportunityDraftSchema>;
export type OpportunityDraft = z.infer<typeof OpportunityDraftSchema>;

export const OpportunityCreateSchema = OpportunityDraftSchema.extend(opportunityLinks).superRefine(
  exactlyOneOf(OPPORTUNITY_LINK_KEYS),
);
export type OpportunityCreateInput = z.input<typeof OpportunityCreateSchema>;
export type OpportunityCreate = z.infer<typeof OpportunityCreateSchema>;

export const OpportunityUpdateSchema = updateSchema(opportunityEditable);
export type OpportunityUpdate = z.infer<typeof OpportunityUpdateSchema>;

/** `PATCH /api/opportunities/:id/stage` (the kanban drag and the won/lost dialogs). */
export const OpportunityStageChangeSchema = z
  .strictObject({
    version: VersionSchema,
    stage: OpportunityStageSchema,
    /** Absent: `STAGE_DEFAULT_PROBABILITY[stage]`. */
    probability: ProbabilitySchema.optional(),
    /** Why it was won or lost: required to close, so the pipeline report can say why. */
    reason: optionalText(1000),
  })
  .superRefine((body, ctx) => {
    if (isClosedStage(body.stage) && !body.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'a reason is required to close an opportunity',
      });
    }
  });
export type OpportunityStageChange = z.infer<typeof OpportunityStageChangeSchema>;

export const OpportunitySchema = readSchema({
  ...opportunityEditable,
  ...opportunityLinks,
  stage: OpportunityStageSchema,
  /** Won/lost reason, set by the stage change to a closed stage. */
  closeReason: z.string().nullable(),
  closedAt: IsoDateTimeSchema.nullable(),
  /**
   * The customer's name (the client's, else the prospect's company or name), so the pipeline and
   * the table name it; given by reads (list, GET one), not by the answers of writes.
   */
  customerName: z.string().optional(),
});
export type Opportunity = z.infer<typeof OpportunitySchema>;

export const {
  sortFields: OPPORTUNITY_SORT_FIELDS,
  query: OpportunityListQuerySchema,
  page: OpportunityPageSchema,
} = listContracts(OpportunitySchema, ['title', 'stage', 'probability', 'expectedCloseDate'], {
  ...linkFilters(OPPORTUNITY_LINK_KEYS),
  stage: queryListSchema(OpportunityStageSchema).optional(),
  transportType: queryListSchema(TransportModeSchema).optional(),
  assignedTo: UserIdSchema.optional(),
  expectedCloseFrom: IsoDateSchema.optional(),
  expectedCloseTo: IsoDateSchema.optional(),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuerySchema>;
export type OpportunityPage = z.infer<typeof OpportunityPageSchema>;

/** `GET /api/opportunities/pipeline`: the kanban's column totals, same visibility as the list. */
export const PipelineQuerySchema = z.strictObject({
  assignedTo: UserIdSchema.optional(),
  transportType: queryListSchema(TransportModeSchema).optional(),
  expectedCloseFrom: IsoDateSchema.optional(),
  expectedCloseTo: IsoDateSchema.optional(),
});
export type PipelineQuery = z.infer<typeof PipelineQuerySchema>;

/**
 * Sums per currency: no exchange-rate table exists yet, so values are never converted (a wrong
 * rate would be worse than two lines). TND comes first, then the other currencies alphabetically.
 * `weighted` = Σ amount × probability / 100 (the forecast), rounded to 3 decimals.
 */
export const PipelineCurrencyTotalSchema = z.object({
  currency: CurrencyCodeSchema,
  amount: z.string(),
  weighted: z.string(),
});
export type PipelineCurrencyTotal = z.infer<typeof PipelineCurrencyTotalSchema>;

export const PipelineStageSummarySchema = z.object({
  stage: OpportunityStageSchema,
  /** Every live opportunity of the stage, with or without a value. */
  count: z.number().int(),
  totals: z.array(PipelineCurrencyTotalSchema),
});
export type PipelineStageSummary = z.infer<typeof PipelineStageSummarySchema>;

/** One entry per stage, in `OPPORTUNITY_STAGES` order, empty stages included. */
export const PipelineSummarySchema = z.object({ stages: z.array(PipelineStageSummarySchema) });
export type PipelineSummary = z.infer<typeof PipelineSummarySchema>;
