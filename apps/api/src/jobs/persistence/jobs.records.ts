import {
  ARRIVED_JOB_STATUSES,
  JOB_STATUSES,
  type ContainerRequirement,
  type Job,
  type JOB_SORT_FIELDS,
  type JobStatus,
  type JobUpdate,
} from '@velosi/contracts';
import { arrayContains, sql, type SQL } from 'drizzle-orm';
import { isAdmin } from '../../auth/auth-user.js';
import { clients } from '../../clients/clients.table.js';
import { businessToday } from '../../common/business-day.js';
import { isoOrNull, recordMeta } from '../../common/records/fields.js';
import { enumOrder, recordSortColumns } from '../../common/records/list.js';
import type { RecordDefinition } from '../../common/records/repository.js';
import type { Visibility } from '../../common/records/visibility.js';
import { searchDocument } from '../../common/search/search.js';
import {
  routePointColumns,
  toShipmentCargo,
  toShipmentRoute,
} from '../../quotes/persistence/shipment.records.js';
import { invoiceLines } from '../../invoices/persistence/invoices.table.js';
import { jobCharges, jobContainers, jobs, type JobRow } from './jobs.table.js';

export type JobSortField = (typeof JOB_SORT_FIELDS)[number];

/** Names of the records a job points at: read with it (JobsRepository.readNames), never stored. */
export const JOB_NAME_FIELDS = [
  'quoteNumber',
  'clientName',
  'contactName',
  'originName',
  'destinationName',
  'shipperName',
  'consigneeName',
  'notifyName',
  'agentName',
  'carrierName',
] as const;
export type JobNames = { quoteNumber: string; clientName: string } & {
  [K in Exclude<(typeof JOB_NAME_FIELDS)[number], 'quoteNumber' | 'clientName'>]: string | null;
};
/** What the job row alone gives (what the generic repository reads, lists and audits). */
export type JobHeader = Omit<Job, keyof JobNames>;

/** ETA passed while the goods are still expected. */
export function isOverdue(status: string, eta: string | null, today = businessToday()): boolean {
  return eta !== null && eta < today && !(ARRIVED_JOB_STATUSES as readonly string[]).includes(status);
}

/** The same rule in SQL, for the `overdue` filter. */
export function overdueSql(today = businessToday()): SQL {
  return sql`(${jobs.eta} < ${today}::date and ${jobs.status} not in (${sql.join(
    ARRIVED_JOB_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )}))`;
}

/**
 * Jobs with a revenue line no invoice bills yet, on the stage an invoice from the job bills (the
 * actual sales once there are any, else the quote's: `revenueBasisStage`); cancelled jobs never.
 * The `toInvoice` filter: what finance has left to invoice.
 */
export function toInvoiceSql(): SQL {
  const actualSales = sql`exists (select 1 from ${jobCharges} a where a.job_id = ${jobs.id}
    and a.side = 'revenue' and a.stage = 'actual')`;
  return sql`(${jobs.status} <> 'cancelled' and exists (select 1 from ${jobCharges}
    where ${jobCharges.jobId} = ${jobs.id} and ${jobCharges.side} = 'revenue'
      and ${jobCharges.stage} = (case when ${actualSales} then 'actual' else 'planned' end)
      and not exists (select 1 from ${invoiceLines} where ${invoiceLines.jobChargeId} = ${jobCharges.id})))`;
}

export function toJobHeader(row: JobRow): JobHeader {
  return {
    ...recordMeta(row),
    number: row.number,
    status: row.status as JobStatus,
    quoteId: row.quoteId,
    clientId: row.clientId,
    contactId: row.contactId,
    ...toShipmentRoute(row),
    ...toShipmentCargo(row),
    dangerousGoods: row.dangerousGoods,
    unNumber: row.unNumber,
    imoClass: row.imoClass,
    containersRequested: row.containersRequested as ContainerRequirement[],
    shipperId: row.shipperId,
    consigneeId: row.consigneeId,
    notifyId: row.notifyId,
    agentCode: row.agentCode,
    carrierCode: row.carrierCode,
    bookingNumber: row.bookingNumber,
    vesselImo: row.vesselImo,
    vesselName: row.vesselName,
    voyageNumber: row.voyageNumber,
    flightNumber: row.flightNumber,
    polCode: row.polCode,
    podCode: row.podCode,
    placeOfReceipt: row.placeOfReceipt,
    placeOfDelivery: row.placeOfDelivery,
    etd: row.etd,
    eta: row.eta,
    atd: row.atd,
    ata: row.ata,
    cargoCutoffAt: isoOrNull(row.cargoCutoffAt),
    docCutoffAt: isoOrNull(row.docCutoffAt),
    vgmCutoffAt: isoOrNull(row.vgmCutoffAt),
    customsDeclarationRef: row.customsDeclarationRef,
    mblNumber: row.mblNumber,
    hblNumber: row.hblNumber,
    mawbNumber: row.mawbNumber,
    hawbNumber: row.hawbNumber,
    cmrNumber: row.cmrNumber,
    assignedTo: row.assignedTo,
    notifyClientOfMilestones: row.notifyClientOfMilestones,
    notes: row.notes,
    cancelReason: row.cancelReason,
    overdue: isOverdue(row.status, row.eta),
  };
}

/** Present keys of a PATCH body → columns (route points are two columns each; dates parsed). */
export function jobUpdateColumns({ origin, destination, version: _version, ...rest }: JobUpdate) {
  const instantOf = (value: string | null | undefined) =>
    value === undefined ? undefined : value === null ? null : new Date(value);
  return {
    ...rest,
    cargoCutoffAt: instantOf(rest.cargoCutoffAt),
    docCutoffAt: instantOf(rest.docCutoffAt),
    vgmCutoffAt: instantOf(rest.vgmCutoffAt),
    ...routePointColumns({ origin, destination }),
  };
}

export const clientNameSql = sql<string>`(select ${clients.name} from ${clients} where ${clients.id} = ${jobs.clientId})`;

/**
 * Which jobs a reader sees, in the WHERE: OPERATIONS, FINANCE and ADMIN all of them (they run and
 * cost every file); a COMMERCIAL those of the clients assigned to them — the client relationship,
 * not the job's assignees, decides (clients.assigned_to is GIN-indexed). Writes are not reachable
 * for COMMERCIAL (no jobs:write / jobs:costs), and the same rule applies if a role ever gets one.
 */
export const jobVisibility: Visibility = (user) => {
  if (isAdmin(user) || user.roles.some((role) => role === 'OPERATIONS' || role === 'FINANCE')) {
    return undefined;
  }
  return sql`exists (select 1 from ${clients} where ${clients.id} = ${jobs.clientId}
    and ${arrayContains(clients.assignedTo, [user.sub])})`;
};

const containerNumbersSql = sql`(select string_agg(${jobContainers.number}, ' ') from ${jobContainers}
  where ${jobContainers.jobId} = ${jobs.id})`;

export const jobRecords: RecordDefinition<typeof jobs, JobHeader, JobSortField> = {
  entity: 'job',
  table: jobs,
  toApi: toJobHeader,
  visibility: jobVisibility,
  sortColumns: {
    ...recordSortColumns(jobs),
    number: jobs.number,
    // The dates the list shows: the actual one once recorded, else the estimate.
    etd: sql`coalesce(${jobs.atd}, ${jobs.etd})`,
    eta: sql`coalesce(${jobs.ata}, ${jobs.eta})`,
    status: enumOrder(jobs.status, JOB_STATUSES),
    clientName: clientNameSql,
  },
  defaultSort: { field: 'createdAt', direction: 'desc' },
  searchDocument: searchDocument([
    jobs.number,
    clientNameSql,
    jobs.bookingNumber,
    jobs.mblNumber,
    jobs.hblNumber,
    jobs.mawbNumber,
    jobs.hawbNumber,
    containerNumbersSql,
  ]),
};
