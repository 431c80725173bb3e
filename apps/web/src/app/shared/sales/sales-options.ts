import type { ActivityType, ClosedStage, OpportunityStage } from '@velosi/contracts';

// Value lists of the sales enums for selects and the kanban come from the contracts' zod-free
// vocabulary (the same lists the API validates with), so a new value is offered everywhere.
export {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  CLOSED_STAGES,
  COMMON_CURRENCIES as CURRENCIES,
  EDITABLE_LEAD_STATUSES,
  LEAD_PRIORITIES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  STAGE_DEFAULT_PROBABILITY as STAGE_PROBABILITY,
  TRAFFICS,
  TRANSPORT_MODES,
  TRANSPORT_NEEDS,
  isActivityOverdue as isOverdue,
  isClosedStage,
} from '@velosi/contracts/vocabulary';

export type OpenStage = Exclude<OpportunityStage, ClosedStage>;

export const ACTIVITY_TYPE_ICONS: Readonly<Record<ActivityType, string>> = {
  call: 'call',
  email: 'mail',
  meeting: 'groups',
  visit: 'directions_walk',
  task: 'task_alt',
  follow_up: 'alarm',
  note: 'sticky_note_2',
};
