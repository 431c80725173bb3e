import { EntityIdSchema, type AuditEntity, type AuditEntry, type Permission } from '@velosi/contracts';

/** The record pages an audited object opens on (app.routes.ts), with the permission of each. */
const RECORD_PAGES: Partial<Record<AuditEntity, { path: string; permission: Permission }>> = {
  quote: { path: '/quotes', permission: 'quotes:read' },
  job: { path: '/jobs', permission: 'jobs:read' },
  invoice: { path: '/invoices', permission: 'invoices:read' },
  payment: { path: '/payments', permission: 'payments:read' },
  client: { path: '/clients', permission: 'clients:read' },
  lead: { path: '/leads', permission: 'leads:read' },
  opportunity: { path: '/opportunities', permission: 'opportunities:read' },
};

type EntityRef = Pick<AuditEntry, 'entity' | 'entityId' | 'entityLabel' | 'entityLabelGap'>;

/** Whether an id is a generated key (a UUID) rather than something a person reads (a username). */
export const isGeneratedId = (id: string): boolean => EntityIdSchema.safeParse(id).success;

/** A UUID's first block (`b22541be`), enough to tell rows apart; any other id as stored. */
export function shortId(id: string): string {
  return isGeneratedId(id) ? id.slice(0, 8) : id;
}

/**
 * What a row calls its object: the API's label (number, name), else why there is none (`Brouillon
 * · b22541be`, `Supprimé · …`) with the short id, else the short id.
 */
export function entityName(translate: (path: string) => string, entry: EntityRef): string {
  if (entry.entityLabel) return entry.entityLabel;
  const short = shortId(entry.entityId);
  return entry.entityLabelGap ? `${translate(`audit.labelGaps.${entry.entityLabelGap}`)} · ${short}` : short;
}

/**
 * The object's page, for a type that has one, a record still stored, and a user allowed there
 * (no link that ends on "forbidden"); null otherwise.
 */
export function entityRoute(entry: EntityRef, can: (permission: Permission) => boolean): string[] | null {
  const page = RECORD_PAGES[entry.entity as AuditEntity];
  if (!page || entry.entityLabelGap === 'deleted' || !isGeneratedId(entry.entityId)) return null;
  return can(page.permission) ? [page.path, entry.entityId] : null;
}
