import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditListQuery, AuditPage } from '@velosi/contracts';
import { AuditActors, USER_ID, type ActorName } from './audit-actors.js';
import { AuditLogRepository, type ResolvedActor } from './audit-log.repository.js';
import type { AuditLogRow } from './audit-log.table.js';
import { changedFields, redact } from './audit-redaction.js';

/** The administrators' audit page: filters, actor names from Keycloak, secrets masked. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly repository: AuditLogRepository,
    private readonly actors: AuditActors,
  ) {}

  async list(query: AuditListQuery): Promise<AuditPage> {
    const { actor, q, ...rest } = query;
    const { rows, total } = await this.repository.list({
      ...rest,
      actor: actor === undefined ? undefined : await this.resolveActor(actor),
      q: q ? { actor: await this.resolveActor(q), text: q } : undefined,
    });
    const names = await this.actors.namesOf(rows.map((row) => row.actor));
    return {
      items: rows.map((row) => toEntry(row, names.get(row.actor))),
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

function toEntry(row: AuditLogRow, name: ActorName | undefined): AuditEntry {
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
    at: row.at.toISOString(),
    requestId: row.requestId,
    before,
    after,
    changedFields: changedFields(before, after),
  };
}
