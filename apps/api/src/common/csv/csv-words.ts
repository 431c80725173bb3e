import type {
  DocumentLanguage,
  JobStatus,
  LeadPriority,
  LeadSource,
  LeadStatus,
  OpportunityStage,
  QuoteStatus,
  Traffic,
  TransportMode,
  TransportNeed,
} from '@velosi/contracts';

// What the CSV exports say for the codes of the contracts' vocabulary, in the export's language:
// the very words the SPA's lists show (apps/web/public/i18n, scope and key named on each map), so a
// file reads like the screen it came from. One map per vocabulary, whichever exports use it;
// csv-words.test.ts checks every map against the SPA's fr and en files, so they cannot drift apart.

/** The words of a set of codes, in each export language. */
export type CsvWords<Code extends string = string> = Readonly<
  Record<DocumentLanguage, Readonly<Record<Code, string>>>
>;

/** i18n quotes `modes`: the quotes, jobs and opportunities exports. */
export const TRANSPORT_MODE_WORDS = {
  fr: {
    sea_fcl: 'Maritime FCL',
    sea_lcl: 'Maritime LCL',
    air: 'Aérien',
    air_express: 'Aérien express',
    road_ftl: 'Routier complet',
    road_ltl: 'Routier groupage',
  },
  en: {
    sea_fcl: 'Sea FCL',
    sea_lcl: 'Sea LCL',
    air: 'Air',
    air_express: 'Air express',
    road_ftl: 'Road FTL',
    road_ltl: 'Road LTL',
  },
} as const satisfies CsvWords<TransportMode>;

/** i18n quotes `directions` and sales `traffic` (the same words): quotes, jobs, opportunities, leads. */
export const TRAFFIC_WORDS = {
  fr: { import: 'Import', export: 'Export' },
  en: { import: 'Import', export: 'Export' },
} as const satisfies CsvWords<Traffic>;

/** i18n jobs `status`. */
export const JOB_STATUS_WORDS = {
  fr: {
    open: 'Ouvert',
    booked: 'Réservé',
    in_transit: 'En transit',
    arrived: 'Arrivé',
    delivered: 'Livré',
    closed: 'Clôturé',
    cancelled: 'Annulé',
  },
  en: {
    open: 'Open',
    booked: 'Booked',
    in_transit: 'In transit',
    arrived: 'Arrived',
    delivered: 'Delivered',
    closed: 'Closed',
    cancelled: 'Cancelled',
  },
} as const satisfies CsvWords<JobStatus>;

/** i18n quotes `status`. */
export const QUOTE_STATUS_WORDS = {
  fr: {
    draft: 'Brouillon',
    sent: 'Envoyée',
    accepted: 'Acceptée',
    rejected: 'Refusée',
    cancelled: 'Annulée',
    expired: 'Expirée',
    superseded: 'Remplacée',
  },
  en: {
    draft: 'Draft',
    sent: 'Sent',
    accepted: 'Accepted',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
    expired: 'Expired',
    superseded: 'Superseded',
  },
} as const satisfies CsvWords<QuoteStatus>;

/** i18n sales `stage`. */
export const OPPORTUNITY_STAGE_WORDS = {
  fr: {
    prospecting: 'Prospection',
    qualification: 'Qualification',
    needs_analysis: 'Analyse des besoins',
    proposal: 'Proposition',
    negotiation: 'Négociation',
    closed_won: 'Gagnée',
    closed_lost: 'Perdue',
  },
  en: {
    prospecting: 'Prospecting',
    qualification: 'Qualification',
    needs_analysis: 'Needs analysis',
    proposal: 'Proposal',
    negotiation: 'Negotiation',
    closed_won: 'Won',
    closed_lost: 'Lost',
  },
} as const satisfies CsvWords<OpportunityStage>;

/** i18n sales `leadStatus`. */
export const LEAD_STATUS_WORDS = {
  fr: {
    new: 'Nouveau',
    contacted: 'Contacté',
    qualified: 'Qualifié',
    unqualified: 'Non qualifié',
    nurturing: 'En maturation',
    converted: 'Converti',
    lost: 'Perdu',
  },
  en: {
    new: 'New',
    contacted: 'Contacted',
    qualified: 'Qualified',
    unqualified: 'Unqualified',
    nurturing: 'Nurturing',
    converted: 'Converted',
    lost: 'Lost',
  },
} as const satisfies CsvWords<LeadStatus>;

/** i18n sales `leadSource`. */
export const LEAD_SOURCE_WORDS = {
  fr: {
    website: 'Site web',
    referral: 'Recommandation',
    cold_call: 'Prospection téléphonique',
    trade_show: 'Salon',
    linkedin: 'LinkedIn',
    email_campaign: 'Campagne e-mail',
    partner: 'Partenaire',
    other: 'Autre',
  },
  en: {
    website: 'Website',
    referral: 'Referral',
    cold_call: 'Cold call',
    trade_show: 'Trade show',
    linkedin: 'LinkedIn',
    email_campaign: 'E-mail campaign',
    partner: 'Partner',
    other: 'Other',
  },
} as const satisfies CsvWords<LeadSource>;

/** i18n sales `priority`. */
export const LEAD_PRIORITY_WORDS = {
  fr: { low: 'Basse', medium: 'Moyenne', high: 'Haute', urgent: 'Urgente' },
  en: { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' },
} as const satisfies CsvWords<LeadPriority>;

/** i18n sales `transportNeed`. */
export const TRANSPORT_NEED_WORDS = {
  fr: { sea_fcl: 'Maritime FCL', sea_lcl: 'Maritime LCL (groupage)', air: 'Aérien', road: 'Routier' },
  en: { sea_fcl: 'Sea FCL', sea_lcl: 'Sea LCL (groupage)', air: 'Air', road: 'Road' },
} as const satisfies CsvWords<TransportNeed>;

/** i18n clients `detail.yes`/`detail.no`: a yes/no column (a contact's "primary"). */
export const YES_NO_WORDS = {
  fr: { true: 'Oui', false: 'Non' },
  en: { true: 'Yes', false: 'No' },
} as const satisfies CsvWords<'true' | 'false'>;
