import { z } from 'zod';
import {
  EntityIdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MeasureSchema,
  QueryBooleanSchema,
  TrafficSchema,
  TransportModeSchema,
  UserIdListSchema,
  UserIdSchema,
  VersionSchema,
  line,
  listContracts,
  optionalLine,
  optionalText,
  queryListSchema,
  readSchema,
  updateSchema,
} from '../common.js';
import { ChargeableWeightSchema } from '../quotes/chargeable-weight.js';
import { QuoteNumberSchema } from '../quotes/quote-number.js';
import {
  ContainerListSchema,
  IncotermSchema,
  LocationCodeSchema,
  RoutePointSchema,
} from '../quotes/quotes.js';
import { ImoSchema } from '../reference/carriers.js';
import { ReadableCodeSchema } from '../reference/reference.js';
import { JOB_STATUSES } from '../vocabulary.js';
import { AwbNumberSchema, ImoClassSchema, JobNumberSchema, UnNumberSchema } from './identifiers.js';

export const JobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatusSchema>;

/**
 * What operations edit on a job (PATCH). Client, mode and direction come from the quote and stay:
 * the number is built from them. ATD/ATA are set by the departed/arrived milestones.
 */
const jobEditable = {
  contactId: EntityIdSchema.nullish(),
  incoterm: IncotermSchema.nullish(),
  incotermPlace: optionalLine(100),
  origin: RoutePointSchema,
  destination: RoutePointSchema,
  commodity: optionalText(500),
  packagesCount: z.number().int().min(0).max(1_000_000).nullish(),
  grossWeightKg: MeasureSchema.nullish(),
  volumeM3: MeasureSchema.nullish(),
  dangerousGoods: z.boolean(),
  unNumber: UnNumberSchema.nullish(),
  imoClass: ImoClassSchema.nullish(),
  containersRequested: ContainerListSchema,
  /** Parties, all clients of the company (the shipper is often the client itself). */
  shipperId: EntityIdSchema.nullish(),
  consigneeId: EntityIdSchema.nullish(),
  notifyId: EntityIdSchema.nullish(),
  /** Our agent at destination (`AGT-…`). */
  agentCode: ReadableCodeSchema.nullish(),
  /** Shipping line (`ARM-…`), airline (`CIE-…`) or haulier (`TRP-…`). */
  carrierCode: ReadableCodeSchema.nullish(),
  bookingNumber: optionalLine(100),
  vesselImo: ImoSchema.nullish(),
  vesselName: optionalLine(200),
  voyageNumber: optionalLine(50),
  flightNumber: optionalLine(20),
  polCode: LocationCodeSchema.nullish(),
  podCode: LocationCodeSchema.nullish(),
  placeOfReceipt: optionalLine(200),
  placeOfDelivery: optionalLine(200),
  etd: IsoDateSchema.nullish(),
  eta: IsoDateSchema.nullish(),
  cargoCutoffAt: IsoDateTimeSchema.nullish(),
  docCutoffAt: IsoDateTimeSchema.nullish(),
  vgmCutoffAt: IsoDateTimeSchema.nullish(),
  customsDeclarationRef: optionalLine(100),
  mblNumber: optionalLine(50),
  hblNumber: optionalLine(50),
  mawbNumber: AwbNumberSchema.nullish(),
  hawbNumber: optionalLine(50),
  cmrNumber: optionalLine(50),
  assignedTo: UserIdListSchema,
  /** Opt-in: e-mail the client contact when a milestone is recorded. */
  notifyClientOfMilestones: z.boolean(),
  notes: optionalText(5000),
};

/** PATCH /api/jobs/:id — any of the editable fields, with the `version` last read. */
export const JobUpdateSchema = updateSchema(jobEditable).refine((j) => !j.etd || !j.eta || j.eta >= j.etd, {
  path: ['eta'],
  message: 'ETA cannot be before ETD',
});
export type JobUpdate = z.infer<typeof JobUpdateSchema>;

export const JobSchema = readSchema({
  ...jobEditable,
  number: JobNumberSchema,
  status: JobStatusSchema,
  quoteId: EntityIdSchema,
  quoteNumber: QuoteNumberSchema,
  clientId: EntityIdSchema,
  clientName: z.string(),
  contactName: z.string().nullable(),
  mode: TransportModeSchema,
  direction: TrafficSchema,
  /** Names of the reference rows the codes point at, null when not (or no longer) listed. */
  originName: z.string().nullable(),
  destinationName: z.string().nullable(),
  chargeableWeight: ChargeableWeightSchema.nullable(),
  shipperName: z.string().nullable(),
  consigneeName: z.string().nullable(),
  notifyName: z.string().nullable(),
  agentName: z.string().nullable(),
  /** The reference carrier's name, else the carrier typed at acceptance. */
  carrierName: z.string().nullable(),
  atd: IsoDateSchema.nullable(),
  ata: IsoDateSchema.nullable(),
  cancelReason: z.string().nullable(),
  /** ETA passed and the goods not arrived (not arrived/delivered/closed/cancelled). */
  overdue: z.boolean(),
});
export type Job = z.infer<typeof JobSchema>;

export const {
  sortFields: JOB_SORT_FIELDS,
  query: JobListQuerySchema,
  page: JobPageSchema,
} = listContracts(JobSchema, ['number', 'etd', 'eta', 'status', 'clientName'], {
  status: queryListSchema(JobStatusSchema).optional(),
  mode: queryListSchema(TransportModeSchema).optional(),
  direction: TrafficSchema.optional(),
  clientId: EntityIdSchema.optional(),
  assignedTo: UserIdSchema.optional(),
  etdFrom: IsoDateSchema.optional(),
  etdTo: IsoDateSchema.optional(),
  etaFrom: IsoDateSchema.optional(),
  etaTo: IsoDateSchema.optional(),
  overdue: QueryBooleanSchema.optional(),
  /** Jobs with a revenue line no invoice bills yet (what finance has left to invoice). */
  toInvoice: QueryBooleanSchema.optional(),
});
export type JobListQuery = z.infer<typeof JobListQuerySchema>;
export type JobPage = z.infer<typeof JobPageSchema>;

/** POST /api/jobs/:id/cancel */
export const JobCancelSchema = z.strictObject({ version: VersionSchema, reason: line(500) });

/**
 * The facts of the 409 a cancel answers while invoices still bill the job: the issued invoices not
 * wholly credited (by number), and how many drafts. Credit them, or delete the drafts, first.
 */
export const JobCancelRefusalSchema = z.object({
  invoiceNumbers: z.array(z.string()),
  draftInvoices: z.number().int(),
});
export type JobCancelRefusal = z.infer<typeof JobCancelRefusalSchema>;
export type JobCancel = z.infer<typeof JobCancelSchema>;

/** POST /api/jobs/:id/close (only a delivered job). */
export const JobCloseSchema = z.strictObject({ version: VersionSchema });
export type JobClose = z.infer<typeof JobCloseSchema>;

/** `?lang=fr|en` of the draft house documents. */
export const JobDocumentQuerySchema = z.strictObject({ lang: z.enum(['fr', 'en']).optional() });
