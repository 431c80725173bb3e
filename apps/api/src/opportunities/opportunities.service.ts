import { Injectable } from '@nestjs/common';
import {
  STAGE_DEFAULT_PROBABILITY,
  isClosedStage,
  type Money,
  type Opportunity,
  type OpportunityCreate,
  type OpportunityDraft,
  type OpportunityListQuery,
  type OpportunityPage,
  type OpportunityStageChange,
  type OpportunityUpdate,
} from '@velosi/contracts';
import { and, arrayContains, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import { clientRecords } from '../clients/clients.records.js';
import { ownedBy, type Actor } from '../common/records/actor.js';
import { Assignments } from '../staff/assignment.js';
import { moneyToColumns, presentOnly } from '../common/records/fields.js';
import { assertLinkVisible } from '../common/records/links.js';

import { type Transaction } from '../database/database.types.js';
import { leadRecords } from '../leads/leads.records.js';
import { opportunityColumns, toOpportunity } from './opportunities.records.js';
import { opportunities, type OpportunityRow } from './opportunities.table.js';
import { OpportunitiesRepository } from './opportunities.repository.js';

/** Where a new opportunity hangs: a lead, a client, or (after a conversion) both. */
export interface OpportunityParents {
  leadId?: string | null;
  clientId?: string | null;
}

@Injectable()
export class OpportunitiesService {
  constructor(
    readonly records: OpportunitiesRepository,
    private readonly assignments: Assignments,
  ) {}

  list(user: AuthUser, query: OpportunityListQuery): Promise<OpportunityPage> {
    return this.records.list(user, query, [
      query.leadId ? eq(opportunities.leadId, query.leadId) : undefined,
      query.clientId ? eq(opportunities.clientId, query.clientId) : undefined,
      query.stage ? inArray(opportunities.stage, query.stage) : undefined,
      ...pipelineFilters(query),
    ]);
  }

  get(user: AuthUser, id: string): Promise<Opportunity> {
    return this.records.get(user, id);
  }

  async create(actor: Actor, { leadId, clientId, ...draft }: OpportunityCreate): Promise<Opportunity> {
    await this.assignments.assertNew(actor.user, draft.assignedTo);
    const row = await this.records.db.transaction(async (tx) => {
      if (leadId) await assertLinkVisible(tx, actor.user, leadRecords, leadId, 'leadId');
      if (clientId) await assertLinkVisible(tx, actor.user, clientRecords, clientId, 'clientId');
      return this.insert(tx, actor, draft, { leadId, clientId });
    });
    return toOpportunity(row);
  }

  /** Inserts in the caller's transaction (parents already checked); probability from the stage. */
  insert(
    tx: Transaction,
    actor: Actor,
    draft: OpportunityDraft,
    parents: OpportunityParents,
  ): Promise<OpportunityRow> {
    return this.records.create(tx, actor, {
      ...opportunityColumns(draft),
      ...parents,
      stage: draft.stage,
      probability: draft.probability ?? STAGE_DEFAULT_PROBABILITY[draft.stage],
      ...ownedBy(actor, draft.assignedTo),
    });
  }

  async update(actor: Actor, id: string, { version, ...changes }: OpportunityUpdate): Promise<Opportunity> {
    const assignment = await this.assignments.prepare(actor.user, changes.assignedTo);
    return this.records.updateOne(actor, id, version, presentOnly(opportunityColumns(changes)), {
      check: (before) => assignment(before.assignedTo),
    });
  }

  /**
   * Moves the opportunity to `stage` (the kanban drag): probability follows the stage unless given;
   * a closed stage records its reason and time, reopening clears them.
   */
  changeStage(
    actor: Actor,
    id: string,
    { version, ...change }: OpportunityStageChange,
  ): Promise<Opportunity> {
    return this.records.updateOne(actor, id, version, stageColumns(change), { action: 'stage_change' });
  }

  /**
   * Closes as won, in the caller's transaction (quote acceptance): a no-op when already won; the
   * client found by the acceptance fills in an opportunity that had none.
   */
  async closeWon(
    tx: Transaction,
    actor: Actor,
    id: string,
    reason: string,
    clientId: string | null,
    won?: { value: Money; closeDate: string },
  ): Promise<void> {
    const opportunity = await this.records.require(tx, actor.user, id, {
      mode: 'write',
      lock: true,
      scope: actor.scope,
    });
    if (opportunity.stage === 'closed_won') return;
    await this.records.updateLocked(
      tx,
      actor,
      opportunity,
      {
        ...stageColumns({ stage: 'closed_won', reason }),
        clientId: opportunity.clientId ?? clientId,
        ...(won ? { ...moneyToColumns('value', won.value), expectedCloseDate: won.closeDate } : {}),
      },
      'stage_change',
    );
  }

  /**
   * After a lead conversion: the lead's opportunities without a client get the new client (the
   * lead stays as their origin). Only those the converter may change; each is versioned/audited.
   */
  async attachLeadOpportunitiesToClient(
    tx: Transaction,
    actor: Actor,
    leadId: string,
    clientId: string,
  ): Promise<void> {
    const pending = await tx
      .select()
      .from(opportunities)
      .where(
        and(
          eq(opportunities.leadId, leadId),
          isNull(opportunities.clientId),
          this.records.visible(actor.user, 'write', actor.scope),
        ),
      )
      .for('update');
    for (const row of pending) {
      await this.records.updateLocked(tx, actor, row, { clientId });
    }
  }
}

/** A stage move's columns: the stage's default probability unless given; reason and time when closed. */
function stageColumns({ stage, probability, reason }: Omit<OpportunityStageChange, 'version'>) {
  const closing = isClosedStage(stage);
  return {
    stage,
    probability: probability ?? STAGE_DEFAULT_PROBABILITY[stage],
    closeReason: closing ? (reason ?? null) : null,
    closedAt: closing ? sql`now()` : null,
  };
}

/** Filters the list and the pipeline summary share. */
export function pipelineFilters(query: {
  transportType?: string[] | undefined;
  assignedTo?: string | undefined;
  expectedCloseFrom?: string | undefined;
  expectedCloseTo?: string | undefined;
}) {
  return [
    query.transportType ? inArray(opportunities.transportType, query.transportType) : undefined,
    query.assignedTo ? arrayContains(opportunities.assignedTo, [query.assignedTo]) : undefined,
    query.expectedCloseFrom ? gte(opportunities.expectedCloseDate, query.expectedCloseFrom) : undefined,
    query.expectedCloseTo ? lte(opportunities.expectedCloseDate, query.expectedCloseTo) : undefined,
  ];
}
