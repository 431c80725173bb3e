import { Injectable } from '@nestjs/common';
import { STAGE_DEFAULT_PROBABILITY, type ContactCreate, type QuoteTransportDetails } from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import { ClientsService } from '../clients/clients.service.js';
import type { Actor } from '../common/records/actor.js';
import type { Transaction } from '../database/database.types.js';
import { LeadsService } from '../leads/leads.service.js';
import { OpportunitiesService } from '../opportunities/opportunities.service.js';
import { QuotesService } from './quotes.service.js';
import type { QuoteRow } from './quotes.table.js';

export interface AcceptanceDetails {
  transport: QuoteTransportDetails | null;
  customerReference: string | null | undefined;
}

/**
 * The accepted quote authorises its consequences: the commercial who accepts (or the customer,
 * through the link) may not be assigned to the prospect or the opportunity, yet both must follow.
 * The audit still names the real actor; only the visibility filter is lifted, for this work.
 */
function onBehalfOfQuote(actor: Actor): Actor {
  return { ...actor, user: { ...actor.user, roles: ['ADMIN'] } };
}

/** "Amel Ben Salah" → first name "Amel", last name "Ben Salah" (a contact needs a last name). */
function splitName(fullName: string): { firstName: string | null; lastName: string } {
  const [first, ...rest] = fullName.trim().split(/\s+/);
  return rest.length
    ? { firstName: first ?? null, lastName: rest.join(' ') }
    : { firstName: null, lastName: fullName.trim() };
}

/** Accepting a quote (staff action or public link): everything it implies, in one transaction. */
@Injectable()
export class QuoteAcceptance {
  constructor(
    private readonly quotes: QuotesService,
    private readonly leads: LeadsService,
    private readonly clients: ClientsService,
    private readonly opportunities: OpportunitiesService,
  ) {}

  /**
   * On a quote already locked and checked as `sent`, in the caller's transaction: a lead-only quote
   * converts its lead into a client (with its primary contact, like the lead conversion), the
   * opportunity is closed as won, and the quote is accepted with the transport details entered
   * now. Every write is audited; a failure anywhere rolls all of it back.
   */
  async accept(tx: Transaction, actor: Actor, row: QuoteRow, details: AcceptanceDetails): Promise<QuoteRow> {
    const consequences = onBehalfOfQuote(actor);
    let { clientId, contactId } = row;
    if (!clientId && row.leadId) {
      ({ clientId, contactId } = await this.convertLead(tx, consequences, row.leadId, row));
    }
    if (row.opportunityId) await this.closeWon(tx, consequences, row.opportunityId, row.number, clientId);
    return this.quotes.records.update(
      tx,
      actor,
      row.id,
      row.version,
      {
        status: 'accepted',
        decidedAt: sql`now()`,
        transport: details.transport,
        customerReference: details.customerReference ?? null,
        clientId,
        contactId,
      },
      { action: 'accept' },
    );
  }

  private async convertLead(
    tx: Transaction,
    actor: Actor,
    leadId: string,
    quote: QuoteRow,
  ): Promise<{ clientId: string; contactId: string | null }> {
    const lead = await this.leads.records.require(tx, actor.user, leadId, { mode: 'write', lock: true });
    // Converted meanwhile (by hand or by another quote): the quote joins that client.
    if (lead.status === 'converted' && lead.convertedClientId) {
      return { clientId: lead.convertedClientId, contactId: null };
    }
    const contact: Omit<ContactCreate, 'isPrimary'> = {
      ...splitName(lead.fullName),
      position: null,
      emails: lead.email ? [lead.email] : [],
      phones: lead.phone ? [lead.phone] : [],
    };
    const created = await this.clients.insertWithPrimaryContact(
      tx,
      actor,
      {
        name: lead.company ?? lead.fullName,
        fiscalId: null,
        address: null,
        city: null,
        country: 'TN',
        // The currency the customer accepted to be quoted in is the best guess for billing.
        currency: quote.currency,
        language: 'fr',
        assignedTo: lead.assignedTo,
      },
      contact,
    );
    const clientId = created.client.id;
    await this.opportunities.attachLeadOpportunitiesToClient(tx, actor, leadId, clientId);
    await this.leads.records.update(
      tx,
      actor,
      leadId,
      lead.version,
      {
        status: 'converted',
        convertedAt: sql`now()`,
        convertedClientId: clientId,
        convertedOpportunityId: quote.opportunityId,
      },
      { action: 'convert' },
    );
    return { clientId, contactId: created.contact.id };
  }

  private async closeWon(
    tx: Transaction,
    actor: Actor,
    opportunityId: string,
    quoteNumber: string,
    clientId: string | null,
  ): Promise<void> {
    const records = this.opportunities.records;
    const opportunity = await records.require(tx, actor.user, opportunityId, { mode: 'write', lock: true });
    if (opportunity.stage === 'closed_won') return;
    await records.update(
      tx,
      actor,
      opportunityId,
      opportunity.version,
      {
        stage: 'closed_won',
        probability: STAGE_DEFAULT_PROBABILITY.closed_won,
        closeReason: `Quote ${quoteNumber} accepted`,
        closedAt: sql`now()`,
        clientId: opportunity.clientId ?? clientId,
      },
      { action: 'stage_change' },
    );
  }
}
