import { Injectable } from '@nestjs/common';
import type {
  Lead,
  LeadConversion,
  LeadConvert,
  LeadCreate,
  LeadListQuery,
  LeadPage,
  LeadUpdate,
} from '@velosi/contracts';
import { arrayContains, arrayOverlaps, inArray, lte, sql } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import { toClient, toContact } from '../clients/clients.records.js';
import type { ClientRow, ContactRow } from '../clients/clients.table.js';
import { ClientsService } from '../clients/clients.service.js';
import { ownedBy, type Actor } from '../common/records/actor.js';
import { Assignments } from '../staff/assignment.js';
import { presentOnly } from '../common/records/fields.js';
import { invalidState } from '../common/records/problems.js';
import { type RecordRow } from '../common/records/repository.js';
import { type Transaction } from '../database/database.types.js';
import { toOpportunity } from '../opportunities/opportunities.records.js';
import { OpportunitiesService } from '../opportunities/opportunities.service.js';
import { conversionParts, type ConversionParts } from './lead-conversion.js';
import { leadColumns, toLead } from './leads.records.js';
import { leads, type LeadRow } from './leads.table.js';
import { LeadsRepository } from './leads.repository.js';

/** A converted lead is history: its client and opportunity carry the work on. */
function assertNotConverted(lead: RecordRow<typeof leads>): void {
  if (lead.status === 'converted') throw invalidState('This lead is already converted.');
}

@Injectable()
export class LeadsService {
  constructor(
    readonly records: LeadsRepository,
    private readonly clients: ClientsService,
    private readonly opportunities: OpportunitiesService,
    private readonly assignments: Assignments,
  ) {}

  list(user: AuthUser, query: LeadListQuery): Promise<LeadPage> {
    return this.records.list(user, query, [
      query.status ? inArray(leads.status, query.status) : undefined,
      query.source ? inArray(leads.source, query.source) : undefined,
      query.priority ? inArray(leads.priority, query.priority) : undefined,
      query.transportNeed ? arrayOverlaps(leads.transportNeeds, query.transportNeed) : undefined,
      query.assignedTo ? arrayContains(leads.assignedTo, [query.assignedTo]) : undefined,
      query.tag ? arrayContains(leads.tags, [query.tag]) : undefined,
      query.followUpBefore ? lte(leads.nextFollowUpDate, query.followUpBefore) : undefined,
    ]);
  }

  async create(actor: Actor, body: LeadCreate): Promise<Lead> {
    await this.assignments.assertNew(actor.user, body.assignedTo);
    return this.records.createOne(actor, {
      ...leadColumns(body),
      ...ownedBy(actor, body.assignedTo),
    });
  }

  async update(actor: Actor, id: string, { version, ...changes }: LeadUpdate): Promise<Lead> {
    const assignment = await this.assignments.prepare(actor.user, changes.assignedTo);
    return this.records.updateOne(actor, id, version, presentOnly(leadColumns(changes)), {
      check: (before) => {
        assertNotConverted(before);
        assignment(before.assignedTo);
      },
    });
  }

  /**
   * One transaction: lock the lead (404 / 409 stale / 409 already converted), create the client
   * with its primary contact (parts left out of the body are derived from the lead), the
   * opportunity (linked to the client, the lead kept as its origin), then mark the lead converted.
   * Each write is audited in the same transaction, so a failure anywhere leaves nothing behind.
   */
  async convert(actor: Actor, id: string, body: LeadConvert): Promise<LeadConversion> {
    // The same assignment rules as POST /api/clients and /api/opportunities for what the body
    // names; parts derived from the lead keep the lead's own assignees.
    await this.assignments.assertNew(actor.user, body.client?.assignedTo, 'client.assignedTo');
    await this.assignments.assertNew(actor.user, body.opportunity?.assignedTo, 'opportunity.assignedTo');
    return this.records.db.transaction(async (tx) => {
      const locked = await this.records.lockVersion(tx, actor.user, id, body.version);
      assertNotConverted(locked);
      const parts = conversionParts(toLead(locked), body);
      const { client, contact } = await this.createClient(tx, actor, parts);
      const opportunity = await this.opportunities.insert(tx, actor, parts.opportunity, {
        leadId: id,
        clientId: client.id,
      });
      const lead = await this.markConverted(tx, actor, locked, client.id, opportunity.id);
      return {
        lead: toLead(lead),
        client: toClient(client),
        contact: toContact(contact),
        opportunity: toOpportunity(opportunity),
      };
    });
  }

  /** Conversion, step 1 (also used by quote acceptance): the client and its primary contact. */
  createClient(
    tx: Transaction,
    actor: Actor,
    parts: Pick<ConversionParts, 'client' | 'contact'>,
  ): Promise<{ client: ClientRow; contact: ContactRow }> {
    return this.clients.insertWithPrimaryContact(tx, actor, parts.client, parts.contact);
  }

  /**
   * Conversion, step 2, on a lead the caller locked: the lead's other opportunities move to the
   * client (the lead stays their origin), and the lead becomes `converted`, pointing at both.
   */
  async markConverted(
    tx: Transaction,
    actor: Actor,
    lead: LeadRow,
    clientId: string,
    opportunityId: string | null,
  ): Promise<LeadRow> {
    await this.opportunities.attachLeadOpportunitiesToClient(tx, actor, lead.id, clientId);
    return this.records.updateLocked(
      tx,
      actor,
      lead,
      {
        status: 'converted',
        convertedAt: sql`now()`,
        convertedClientId: clientId,
        convertedOpportunityId: opportunityId,
      },
      'convert',
    );
  }
}
