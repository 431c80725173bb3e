import type {
  ActivityStatus,
  ActivityType,
  LeadPriority,
  LeadSource,
  LeadStatus,
  OpportunityStage,
  Traffic,
  TransportMode,
  TransportNeed,
} from '@velosi/contracts';

// Value lists of the sales enums for selects and the kanban. Plain consts checked against the
// contract types (`satisfies`): a typo or a value the contract dropped fails the build, and the
// SPA does not import zod at run time to read `Schema.options`.

export const LEAD_STATUSES = [
  'new',
  'contacted',
  'qualified',
  'unqualified',
  'nurturing',
  'converted',
  'lost',
] as const satisfies readonly LeadStatus[];
/** `converted` is only reached through the convert action. */
export const EDITABLE_LEAD_STATUSES = LEAD_STATUSES.filter(
  (s): s is Exclude<LeadStatus, 'converted'> => s !== 'converted',
);

export const LEAD_SOURCES = [
  'website',
  'referral',
  'cold_call',
  'trade_show',
  'linkedin',
  'email_campaign',
  'partner',
  'other',
] as const satisfies readonly LeadSource[];

export const LEAD_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const satisfies readonly LeadPriority[];

export const TRANSPORT_NEEDS = [
  'sea_fcl',
  'sea_lcl',
  'air',
  'road',
] as const satisfies readonly TransportNeed[];

export const TRANSPORT_MODES = [
  'sea_fcl',
  'sea_lcl',
  'air',
  'air_express',
  'road_ftl',
  'road_ltl',
] as const satisfies readonly TransportMode[];

export const TRAFFICS = ['import', 'export'] as const satisfies readonly Traffic[];

export const OPPORTUNITY_STAGES = [
  'prospecting',
  'qualification',
  'needs_analysis',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const satisfies readonly OpportunityStage[];
export type OpenStage = Exclude<OpportunityStage, 'closed_won' | 'closed_lost'>;
export const OPEN_STAGES = OPPORTUNITY_STAGES.filter((s): s is OpenStage => !isClosedStage(s));

export function isClosedStage(stage: OpportunityStage): boolean {
  return stage === 'closed_won' || stage === 'closed_lost';
}

/** Mirrors the contract's STAGE_DEFAULT_PROBABILITY (the API applies it; shown as a hint). */
export const STAGE_PROBABILITY: Readonly<Record<OpportunityStage, number>> = {
  prospecting: 10,
  qualification: 20,
  needs_analysis: 40,
  proposal: 60,
  negotiation: 80,
  closed_won: 100,
  closed_lost: 0,
};

export const ACTIVITY_TYPES = [
  'call',
  'email',
  'meeting',
  'visit',
  'task',
  'follow_up',
  'note',
] as const satisfies readonly ActivityType[];

export const ACTIVITY_STATUSES = [
  'scheduled',
  'completed',
  'cancelled',
  'postponed',
] as const satisfies readonly ActivityStatus[];

export const ACTIVITY_TYPE_ICONS: Readonly<Record<ActivityType, string>> = {
  call: 'call',
  email: 'mail',
  meeting: 'groups',
  visit: 'directions_walk',
  task: 'task_alt',
  follow_up: 'alarm',
  note: 'sticky_note_2',
};

/** Same rule as the contract's isActivityOverdue (kept zod-free here). */
export function isOverdue(
  activity: { status: ActivityStatus; dueAt?: string | null },
  now = Date.now(),
): boolean {
  if (!activity.dueAt || (activity.status !== 'scheduled' && activity.status !== 'postponed')) return false;
  return Date.parse(activity.dueAt) < now;
}

/** Common currencies for the selects (free text is still possible where it makes sense). */
export const CURRENCIES = ['TND', 'EUR', 'USD', 'GBP', 'CHF', 'CNY', 'TRY', 'AED'] as const;
