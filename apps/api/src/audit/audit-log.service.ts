import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditListQuery, AuditPage } from '@velosi/contracts';
import { AuditActors, USER_ID, type ActorName } from './audit-actors.js';
import { AuditEntityLabels, labelKey, userIdsOf, type EntityLabel } from './audit-entity-labels.js';
import { AuditLogRepository, type ResolvedActor } from './audit-log.repository.js';
import type { AuditLogRow } from './audit-log.table.js';
import { changedFields, redact } from './audit-redaction.js';

/**
 * The administrators' audit page: filters, actor names from Keycloak, what each object is called
 * (its number or name, AuditEntityLabels), secrets masked.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly repository: AuditLogRepository,
    private readonly actors: AuditActors,
    private readonly labels: AuditEntityLabels,
  ) {}

  async list(query: AuditListQuery): Promise<AuditPage> {
    const { actor, q, ...rest } = query;
    const { rows, total } = await this.repository.list({
      ...rest,
      actor: actor === undefined ? undefined : await this.resolveActor(actor),
      q: q ? { actor: await this.resolveActor(q), text: q } : undefined,
    });
    // Actors and the users the rows are about, named together: one Keycloak lookup per person.
    const names = await this.actors.namesOf([...rows.map((row) => row.actor), ...userIdsOf(rows)]);
    const labels = await this.labels.labelsOf(rows, names);
    return {
      items: rows.map((row) => toEntry(row, names.get(row.actor), labels.get(labelKey(row)))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * A user id is taken as is; anything else is a username (its Keycloak ids) or a system actor
   * such as `system`, matched literally. Usernames are stored lower case, as Keycloak does.
   */
  private async resolveActor(actor: string): Promise<ResolvedActor> {
    if (USER_ID.test(actor)) return { ids: [actor] };
    const username = actor.toLowerCase();
    return { ids: [actor, ...(await this.actors.idsOf(username))], username };
  }
}

function toEntry(row: AuditLogRow, name: ActorName | undefined, label: EntityLabel | undefined): AuditEntry {
  const before = redact(row.before ?? null);
  const after = redact(row.after ?? null);
  return {
    id: row.id,
    actor: row.actor,
    actorUsername: name?.username ?? null,
    actorName: name?.name ?? null,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    entityLabel: label?.label ?? null,
    entityLabelGap: label?.gap ?? null,
    at: row.at.toISOString(),
    requestId: row.requestId,
    before,
    after,
    changedFields: changedFields(before, after),
  };
}
