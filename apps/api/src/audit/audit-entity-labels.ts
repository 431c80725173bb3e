import { Inject, Injectable } from '@nestjs/common';
import type { AuditLabelGap } from '@velosi/contracts';
import { inArray, sql } from 'drizzle-orm';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { USER_ID, type ActorName } from './audit-actors.js';
import { labelSourceOf, USER_ENTITIES, type LabelSource } from './audit-label-sources.js';

export interface EntityLabel {
  label: string | null;
  gap: AuditLabelGap | null;
}

/** The rows a page names: each one's object type and id. */
interface EntityRef {
  entity: string;
  entityId: string;
}

const NONE: EntityLabel = { label: null, gap: null };
/** Record keys are database UUIDs; any other id (a typed username, a data set) is not looked up. */
const RECORD_ID = USER_ID;

/** The lookup key of an object: its type and id (a NUL cannot occur in either). */
export const labelKey = (ref: EntityRef) => `${ref.entity}\u0000${ref.entityId}`;

/** The user ids a page's objects name (users, sign-ins), to name with the actors in one pass. */
export function userIdsOf(refs: readonly EntityRef[]): string[] {
  return refs
    .filter((ref) => USER_ENTITIES.has(ref.entity) && USER_ID.test(ref.entityId))
    .map((ref) => ref.entityId);
}

/**
 * What the objects of one audit page are called. One parameterised query per record type present
 * on the page (`… where id in (…)`, run together), whatever the page size: never one per row.
 * The route is ADMIN only (`audit:read`), and a label is a number or name the entries' own
 * before/after documents already show; users are named like the actors (Keycloak, cached).
 */
@Injectable()
export class AuditEntityLabels {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async labelsOf(
    refs: readonly EntityRef[],
    users: ReadonlyMap<string, ActorName>,
  ): Promise<Map<string, EntityLabel>> {
    const found = await this.lookUpAll(refs);
    const labels = new Map<string, EntityLabel>();
    for (const ref of refs) {
      labels.set(labelKey(ref), labelOf(ref, found.get(ref.entity), users));
    }
    return labels;
  }

  /** Per record type present (and keyed by a UUID): its rows' labels, all types queried together. */
  private async lookUpAll(refs: readonly EntityRef[]): Promise<Map<string, Map<string, string | null>>> {
    const idsByEntity = new Map<string, Set<string>>();
    for (const ref of refs) {
      if (!labelSourceOf(ref.entity) || !RECORD_ID.test(ref.entityId)) continue;
      idsByEntity.set(ref.entity, (idsByEntity.get(ref.entity) ?? new Set()).add(ref.entityId.toLowerCase()));
    }
    const found = await Promise.all(
      [...idsByEntity].map(async ([entity, ids]) => {
        const source = labelSourceOf(entity);
        return [
          entity,
          source ? await this.lookUp(source, [...ids]) : new Map<string, string | null>(),
        ] as const;
      }),
    );
    return new Map(found);
  }

  /** id → label of the rows of one type that still exist (an id absent from the map is gone). */
  private async lookUp(source: LabelSource, ids: string[]): Promise<Map<string, string | null>> {
    const rows = await this.database.db
      .select({ id: sql<string>`${source.id}::text`, label: source.label })
      .from(source.table)
      .where(inArray(source.id, ids));
    return new Map(rows.map((row) => [row.id, row.label]));
  }
}

/** One row's label: a user's name, a record's label, or why there is none. */
function labelOf(
  ref: EntityRef,
  rows: ReadonlyMap<string, string | null> | undefined,
  users: ReadonlyMap<string, ActorName>,
): EntityLabel {
  if (USER_ENTITIES.has(ref.entity)) {
    const user = users.get(ref.entityId);
    return { label: user?.name ?? user?.username ?? null, gap: null };
  }
  // No source for the type, or an id that is no record key: nothing was looked up.
  if (!rows || !RECORD_ID.test(ref.entityId)) return NONE;
  const id = ref.entityId.toLowerCase();
  if (!rows.has(id)) return { label: null, gap: 'deleted' };
  const label = rows.get(id) ?? null;
  return { label, gap: label === null && labelSourceOf(ref.entity)?.nullIsDraft ? 'draft' : null };
}
