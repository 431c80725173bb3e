import type { Type } from '@nestjs/common';
import type { AttachmentOwnerType, Permission } from '@velosi/contracts';
import { ActivitiesRepository } from '../activities/activities.repository.js';
import { ClientsRepository } from '../clients/clients.repository.js';
import type { RecordRepository, RecordTable } from '../common/records/repository.js';
import { JobsRepository } from '../jobs/persistence/jobs.repository.js';

/** What attachments need of the owner's repository: its visibility (404) and its audit trail. */
export type OwnerRecords = Pick<
  RecordRepository<RecordTable, unknown, string>,
  'db' | 'require' | 'recordAudit'
>;

/** One record type that carries attachments: its routes' prefix, repository and permissions. */
export interface AttachmentOwner {
  type: AttachmentOwnerType;
  /** Route prefix of the owner, e.g. `api/jobs` → `/api/jobs/:id/attachments`. */
  path: string;
  repository: Type<OwnerRecords>;
  /** Reading the record lets one list and download its files; writing it, upload and delete them. */
  read: Permission;
  write: Permission;
}

/**
 * The owners, one entry each: a new owner is one line here (plus its name in the contract and the
 * table's check). OPERATIONS writes on jobs, COMMERCIAL on their clients and activities, FINANCE
 * reads what it may read (jobs, clients), ADMIN everything — exactly the owners' own permissions.
 */
export const ATTACHMENT_OWNERS: readonly AttachmentOwner[] = [
  { type: 'job', path: 'api/jobs', repository: JobsRepository, read: 'jobs:read', write: 'jobs:write' },
  {
    type: 'client',
    path: 'api/clients',
    repository: ClientsRepository,
    read: 'clients:read',
    write: 'clients:write',
  },
  {
    type: 'activity',
    path: 'api/activities',
    repository: ActivitiesRepository,
    read: 'activities:read',
    write: 'activities:write',
  },
];

const UPLOAD_ROUTES = new Set(ATTACHMENT_OWNERS.map((owner) => `/${owner.path}/:id/attachments`));

/** Whether the route (its pattern, e.g. `/api/jobs/:id/attachments`) takes multipart uploads. */
export function takesUploads(routeUrl: string | undefined): boolean {
  return routeUrl !== undefined && UPLOAD_ROUTES.has(routeUrl);
}
