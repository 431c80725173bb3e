import { z } from 'zod';
import { ClientCreateSchema, ClientSchema, ContactCreateSchema, ContactSchema } from './clients.js';
import {
  TagListSchema,
  PhoneSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  line,
  listContracts,
  EmailSchema,
  MoneySchema,
  EntityIdSchema,
  optionalLine,
  optionalText,
  QuantitySchema,
  queryListSchema,
  TrafficSchema,
  readSchema,
  updateSchema,
  UserIdListSchema,
  UserIdSchema,
  VersionSchema,
  text,
} from '../common.js';
import { OpportunityDraftSchema, OpportunitySchema } from './opportunities.js';
import {
  ANNUAL_VOLUME_UNITS,
  LEAD_PRIORITIES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  TRANSPORT_NEEDS,
} from '../vocabulary.js';

export const LeadSourceSchema = z.enum(LEAD_SOURCES);
export type LeadSource = z.infer<typeof LeadSourceSchema>;

export const LeadStatusSchema = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatusSchema>;
/** `converted` is reached only through the convert action, which creates the client. */
export const EditableLeadStatusSchema = LeadStatusSchema.exclude(['converted']);

export const LeadPrioritySchema = z.enum(LEAD_PRIORITIES);
export type LeadPriority = z.infer<typeof LeadPrioritySchema>;

/** Coarse needs a prospect states; the quote later picks the exact mode (FCL/LCL, FTL/LTL …). */
export const TransportNeedSchema = z.enum(TRANSPORT_NEEDS);
export type TransportNeed = z.infer<typeof TransportNeedSchema>;

export const AnnualVolumeUnitSchema = z.enum(ANNUAL_VOLUME_UNITS);
/** "About 120 TEU a year": a number and its unit, so leads can be compared and sorted. */
export const AnnualVolumeSchema = z.strictObject({ quantity: QuantitySchema, unit: AnnualVolumeUnitSchema });
export type AnnualVolume = z.infer<typeof AnnualVolumeSchema>;

const leadFields = {
  fullName: line(200),
  company: optionalLine(200),
  email: EmailSchema.nullish(),
  phone: PhoneSchema.nullish(),
  industry: optionalText(100),
  source: LeadSourceSchema,
  status: EditableLeadStatusSchema,
  priority: LeadPrioritySchema,
  transportNeeds: z
    .array(TransportNeedSchema)
    .max(TransportNeedSchema.options.length)
    .refine((needs) => new Set(needs).size === needs.length, 'transport needs must not repeat'),
  traffic: TrafficSchema.nullish(),
  estimatedAnnualVolume: AnnualVolumeSchema.nullish(),
  estimatedAnnualValue: MoneySchema.nullish(),
  /** The forwarder the prospect uses today. */
  currentProvider: optionalText(200),
  nextFollowUpDate: IsoDateSchema.nullish(),
  assignedTo: UserIdListSchema,
  tags: TagListSchema,
};

export const LeadCreateSchema = z.strictObject({
  ...leadFields,
  source: LeadSourceSchema.default('other'),
  status: EditableLeadStatusSchema.default('new'),
  priority: LeadPrioritySchema.default('medium'),
  transportNeeds: leadFields.transportNeeds.default(() => []),
  /** Absent: the API assigns the creating user. */
  assignedTo: UserIdListSchema.optional(),
  tags: TagListSchema.default(() => []),
});
export type LeadCreateInput = z.input<typeof LeadCreateSchema>;
export type LeadCreate = z.infer<typeof LeadCreateSchema>;

export const LeadUpdateSchema = updateSchema(leadFields);
export type LeadUpdate = z.infer<typeof LeadUpdateSchema>;

export const LeadSchema = readSchema({
  ...leadFields,
  status: LeadStatusSchema,
  /** Set by the convert action; a converted lead is read-only. */
  convertedAt: IsoDateTimeSchema.nullable(),
  convertedClientId: EntityIdSchema.nullable(),
  convertedOpportunityId: EntityIdSchema.nullable(),
});
export type Lead = z.infer<typeof LeadSchema>;

export const {
  sortFields: LEAD_SORT_FIELDS,
  query: LeadListQuerySchema,
  page: LeadPageSchema,
} = listContracts(LeadSchema, ['fullName', 'company', 'status', 'priority', 'nextFollowUpDate'], {
  status: queryListSchema(LeadStatusSchema).optional(),
  source: queryListSchema(LeadSourceSchema).optional(),
  priority: queryListSchema(LeadPrioritySchema).optional(),
  transportNeed: queryListSchema(TransportNeedSchema).optional(),
  assignedTo: UserIdSchema.optional(),
  tag: text(50).optional(),
  /** Leads to call back on or before this date (the "to follow up" list). */
  followUpBefore: IsoDateSchema.optional(),
});
export type LeadListQuery = z.infer<typeof LeadListQuerySchema>;
export type LeadPage = z.infer<typeof LeadPageSchema>;

/**
 * `POST /api/leads/:id/convert`: one transaction creates the client, its primary contact and an
 * opportunity linked to the new client, then marks the lead converted. Each part may be given (the
 * SPA's pre-filled, edited form) or left out, and the API derives it from the lead: client named
 * after the company (else the person), contact = the lead's person, e-mail and phone, opportunity
 * titled after the company with the lead's estimated value and traffic; all assigned like the lead.
 * The contact is always made primary, so the flag is not asked.
 */
export const LeadConvertSchema = z.strictObject({
  version: VersionSchema,
  client: ClientCreateSchema.optional(),
  contact: ContactCreateSchema.omit({ isPrimary: true }).optional(),
  opportunity: OpportunityDraftSchema.optional(),
});
export type LeadConvertInput = z.input<typeof LeadConvertSchema>;
export type LeadConvert = z.infer<typeof LeadConvertSchema>;

export const LeadConversionSchema = z.object({
  lead: LeadSchema,
  client: ClientSchema,
  contact: ContactSchema,
  opportunity: OpportunitySchema,
});
export type LeadConversion = z.infer<typeof LeadConversionSchema>;
