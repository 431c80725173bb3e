// Zod-free on purpose (like quote-math.ts): the value lists of every enum of the contracts and the
// small rules on them. The schemas build their z.enum from these lists, and the SPA imports this
// file alone (`@velosi/contracts/vocabulary`) for its selects, kanban columns and badges, so a value
// added here is offered everywhere and nothing is listed twice.

/** The company's books are kept in Tunisian dinars. */
export const BASE_CURRENCY = 'TND';
/** Currencies offered in pickers first; any ISO 4217 code is still accepted by the API. */
export const COMMON_CURRENCIES = ['TND', 'EUR', 'USD', 'GBP', 'CHF', 'CNY', 'TRY', 'AED'] as const;

/** Import or export, seen from Tunisia (lead traffic, opportunity traffic, quote direction). */
export const TRAFFICS = ['import', 'export'] as const;
/** Transport modes a quote is made for (opportunities use the same list). */
export const TRANSPORT_MODES = ['sea_fcl', 'sea_lcl', 'air', 'air_express', 'road_ftl', 'road_ltl'] as const;
export const DOCUMENT_LANGUAGES = ['fr', 'en'] as const;

export const LEAD_SOURCES = [
  'website',
  'referral',
  'cold_call',
  'trade_show',
  'linkedin',
  'email_campaign',
  'partner',
  'other',
] as const;
export const LEAD_STATUSES = [
  'new',
  'contacted',
  'qualified',
  'unqualified',
  'nurturing',
  'converted',
  'lost',
] as const;
/** `converted` is reached only through the convert action, which creates the client. */
export const EDITABLE_LEAD_STATUSES = LEAD_STATUSES.filter(
  (s): s is Exclude<(typeof LEAD_STATUSES)[number], 'converted'> => s !== 'converted',
);
/** Lead tags: at most 20, of 50 characters each (chips in the SPA, a text[] column in the API). */
export const TAG_LIMITS = { maxLength: 50, maxCount: 20 } as const;
export const LEAD_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
/** Coarse needs a prospect states; the quote later picks the exact mode (FCL/LCL, FTL/LTL …). */
export const TRANSPORT_NEEDS = ['sea_fcl', 'sea_lcl', 'air', 'road'] as const;
export const ANNUAL_VOLUME_UNITS = ['teu', 'containers', 'shipments', 'tons', 'kg', 'm3', 'pallets'] as const;

/** Competitors named on an opportunity: at most 20 names of 100 characters. */
export const COMPETITOR_LIMITS = { maxLength: 100, maxCount: 20 } as const;

export const OPPORTUNITY_STAGES = [
  'prospecting',
  'qualification',
  'needs_analysis',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;
type Stage = (typeof OPPORTUNITY_STAGES)[number];
/** Stages that close the opportunity: reaching one needs a reason (see the stage-change body). */
export const CLOSED_STAGES = ['closed_won', 'closed_lost'] as const satisfies readonly Stage[];
export const OPEN_STAGES = OPPORTUNITY_STAGES.filter(
  (s): s is Exclude<Stage, ClosedStage> => !isClosedStage(s),
);

export type ClosedStage = (typeof CLOSED_STAGES)[number];

/** A type guard, so a caller holding a closed stage can pass it on where only those are allowed. */
export function isClosedStage(stage: Stage): stage is ClosedStage {
  return (CLOSED_STAGES as readonly Stage[]).includes(stage);
}

/**
 * Probability the API uses when a create or stage change does not give one (pipeline forecast
 * = value × probability). Closed stages are certain either way.
 */
export const STAGE_DEFAULT_PROBABILITY: Readonly<Record<Stage, number>> = {
  prospecting: 10,
  qualification: 20,
  needs_analysis: 40,
  proposal: 60,
  negotiation: 80,
  closed_won: 100,
  closed_lost: 0,
};

export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'visit', 'task', 'follow_up', 'note'] as const;
export const ACTIVITY_STATUSES = ['scheduled', 'completed', 'cancelled', 'postponed'] as const;
type ActivityStatusValue = (typeof ACTIVITY_STATUSES)[number];
/**
 * Statuses still waiting to be done: with `dueAt` in the past they make an activity overdue
 * (`overdue=true` in the list query). Shared so the API filter and the SPA badge agree.
 */
export const OPEN_ACTIVITY_STATUSES = [
  'scheduled',
  'postponed',
] as const satisfies readonly ActivityStatusValue[];

export function isActivityOverdue(
  activity: { status: ActivityStatusValue; dueAt?: string | null },
  now: Date = new Date(),
): boolean {
  if (
    !activity.dueAt ||
    !(OPEN_ACTIVITY_STATUSES as readonly ActivityStatusValue[]).includes(activity.status)
  ) {
    return false;
  }
  return Date.parse(activity.dueAt) < now.getTime();
}

export const QUOTE_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'cancelled',
  'expired',
  'superseded',
] as const;
/**
 * Quote workflow: `POST /api/quotes/:id/{action}`. The table below is the one statement of which
 * action is allowed in which status; the API enforces it (409 otherwise) and the SPA uses it to
 * show only the buttons that can work.
 */
export const QUOTE_ACTIONS = ['send', 'accept', 'reject', 'cancel', 'duplicate', 'revise'] as const;
type QuoteActionValue = (typeof QUOTE_ACTIONS)[number];
type QuoteStatusValue = (typeof QUOTE_STATUSES)[number];

export const QUOTE_ACTION_FROM: Readonly<Record<QuoteActionValue, readonly QuoteStatusValue[]>> = {
  // Sending again (a corrected e-mail, another recipient) keeps the quote sent.
  send: ['draft', 'sent'],
  accept: ['sent'],
  reject: ['sent'],
  cancel: ['draft', 'sent'],
  // A copy is a new draft; the source is untouched, so any status can be copied.
  duplicate: ['draft', 'sent', 'accepted', 'rejected', 'cancelled', 'expired', 'superseded'],
  // Only the latest revision can be revised (a superseded one already has a successor), and an
  // accepted quote is a commitment: change it with a new quote, not a revision.
  revise: ['sent', 'rejected', 'expired'],
};

/**
 * Status of the quote the action is applied to, afterwards. `duplicate` leaves it as it was and
 * `revise` marks it superseded; both also create a new draft (returned by the API).
 */
export const QUOTE_ACTION_RESULT: Readonly<Record<QuoteActionValue, QuoteStatusValue | null>> = {
  send: 'sent',
  accept: 'accepted',
  reject: 'rejected',
  cancel: 'cancelled',
  duplicate: null,
  revise: 'superseded',
};

export function canApplyQuoteAction(status: QuoteStatusValue, action: QuoteActionValue): boolean {
  return QUOTE_ACTION_FROM[action].includes(status);
}

/** Header and lines can be edited only while the quote is a draft; after that it is a document. */
export function isQuoteEditable(status: QuoteStatusValue): boolean {
  return status === 'draft';
}

/** Incoterms 2020. */
export const INCOTERMS = [
  'EXW',
  'FCA',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
] as const;
/** ISO 6346 size/type groups the company quotes (DV dry, HC high cube, RF reefer, OT open top, FR flat rack). */
export const CONTAINER_TYPES = [
  '20DV',
  '40DV',
  '40HC',
  '20RF',
  '40RF',
  '20OT',
  '40OT',
  '20FR',
  '40FR',
] as const;
/** Freight (the main carriage) or an additional cost (THC, customs, trucking, documents …). */
export const QUOTE_LINE_KINDS = ['freight', 'additional_cost'] as const;
/** What the quantity counts (freight tariffs are per container, per kg, per m³ or per revenue ton). */
export const QUOTE_LINE_UNITS = [
  'per_container',
  'kg',
  'm3',
  'revenue_ton',
  'shipment',
  'per_pallet',
  'per_package',
  'per_document',
  'per_day',
] as const;
/**
 * VAT rates applied in Tunisia (percent): standard 19, intermediate 13, reduced 7, exempt 0
 * (international freight). Highest first: selects offer them in this order.
 */
export const VAT_RATES = [19, 13, 7, 0] as const;
export const DEFAULT_QUOTE_VALIDITY_DAYS = 15;

/** `2026-01-20` + 15 → `2026-02-04`; computed on the calendar (UTC), so no time zone shifts a day. */
export function addDaysToIsoDate(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March: only a date that reads back unchanged is a real one.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`not an ISO date: ${isoDate}`);
  }
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Job file (dossier) statuses: the milestones move a job along; `cancelled` ends it early. */
export const JOB_STATUSES = [
  'open',
  'booked',
  'in_transit',
  'arrived',
  'delivered',
  'closed',
  'cancelled',
] as const;
type JobStatusValue = (typeof JOB_STATUSES)[number];
/** Statuses after which nothing on the job changes any more. */
export const FINISHED_JOB_STATUSES = ['closed', 'cancelled'] as const satisfies readonly JobStatusValue[];
/** Statuses where the goods are no longer expected (an ETA in the past is not "overdue"). */
export const ARRIVED_JOB_STATUSES = [
  'arrived',
  'delivered',
  'closed',
  'cancelled',
] as const satisfies readonly JobStatusValue[];

/** What operations records on a job, in the order it normally happens. */
export const JOB_MILESTONE_KINDS = [
  'booked',
  'cargo_received',
  'departed',
  'arrived',
  'customs_cleared',
  'delivered',
] as const;
type JobMilestoneKindValue = (typeof JOB_MILESTONE_KINDS)[number];
/** The status a milestone moves the job to (never backwards); others leave the status as is. */
export const JOB_MILESTONE_STATUS: Readonly<Partial<Record<JobMilestoneKindValue, JobStatusValue>>> = {
  booked: 'booked',
  departed: 'in_transit',
  arrived: 'arrived',
  delivered: 'delivered',
};
/** Job charge lines: what we bill (revenue) or pay (cost); planned from the quote, then actual. */
export const JOB_CHARGE_SIDES = ['revenue', 'cost'] as const;
export const JOB_CHARGE_STAGES = ['planned', 'actual'] as const;

/** Periods a sales target (objectif commercial) is set for. */
export const SALES_TARGET_PERIODS = ['month', 'quarter', 'year'] as const;
