import { Injectable } from '@nestjs/common';
import type { QuoteTransportDetails } from '@velosi/contracts';
import { sql } from 'drizzle-orm';
import { onBehalfOfSystem, type Actor } from '../../common/records/actor.js';
import type { Transaction } from '../../database/database.types.js';
import { JobOpening } from '../../jobs/domain/job-opening.js';
import { conversionParts } from '../../leads/lead-conversion.js';
import { toLead } from '../../leads/leads.records.js';
import { LeadsService } from '../../leads/leads.service.js';
import { BASE_CURRENCY, tndIn, totalExclVatTnd } from '@velosi/contracts';
import { businessToday } from '../../common/business-day.js';
import { OpportunitiesService } from '../../opportunities/opportunities.service.js';
import { QuotesRepository } from '../persistence/quotes.repository.js';
import type { QuoteRow } from '../persistence/quotes.table.js';

export interface AcceptanceDetails {
  transport: QuoteTransportDetails | null;
  customerReference: string | null | undefined;
}

/** Accepting a quote (staff action or public link): everything it implies, in one transaction. */
@Injectable()
export class QuoteAcceptance {
  constructor(
    private readonly quotes: QuotesRepository,
    private readonly leads: LeadsService,
    private readonly opportunities: OpportunitiesService,
    private readonly jobs: JobOpening,
  ) {}

  /**
   * On a quote already locked and checked as `sent`, in the caller's transaction: a lead-only quote
   * converts its lead into a client (the lead conversion's own steps; the quote's opportunity, if
   * any, is the converted one), the opportunity is closed as won, and the quote is accepted with
   * the transport details entered now, and its operations job file is opened (JobOpening). Every
   * write is audited; a failure anywhere rolls all back.
   */
  async accept(tx: Transaction, actor: Actor, row: QuoteRow, details: AcceptanceDetails): Promise<QuoteRow> {
    // The accepted quote authorises its consequences: the commercial who accepts (or the customer,
    // through the link) may not be assigned to the prospect or the opportunity, yet both must
    // follow. The audit still names the real actor; the repositories get the `system` scope.
    const consequences = onBehalfOfSystem(actor);
    let { clientId, contactId } = row;
    if (!clientId && row.leadId) {
      ({ clientId, contactId } = await this.convertLead(tx, consequences, row.leadId, row));
    }
    if (row.opportunityId) {
      const reason = `Quote ${row.number} accepted`;
      // The deal is now worth what was accepted before tax, less the débours (the dashboard's
      // revenue: VAT and stamp duty are the State's, débours the client's own costs), in the
      // quote's currency, closed today.
      const turnover = totalExclVatTnd(row);
      const value =
        row.currency !== BASE_CURRENCY && row.exchangeRate
          ? { amount: tndIn(turnover, row.exchangeRate), currency: row.currency }
          : { amount: turnover, currency: BASE_CURRENCY };
      await this.opportunities.closeWon(tx, consequences, row.opportunityId, reason, clientId, {
        value,
        closeDate: businessToday(),
      });
    }
    const accepted = await this.quotes.updateLocked(
      tx,
      actor,
      row,
      {
        status: 'accepted',
        decidedAt: sql`now()`,
        transport: details.transport,
        customerReference: details.customerReference ?? null,
        clientId,
        contactId,
      },
      'accept',
    );
    // The job's writes (and their audit) name the real actor; like the consequences above, it is
    // opened in the system scope (a customer on the link has no visibility of their own).
    await this.jobs.openForQuote(tx, consequences, accepted);
    return accepted;
  }

  private async convertLead(
    tx: Transaction,
    actor: Actor,
    leadId: string,
    quote: QuoteRow,
  ): Promise<{ clientId: string; contactId: string | null }> {
    const lead = await this.leads.records.require(tx, actor.user, leadId, {
      mode: 'write',
      lock: true,
      scope: actor.scope,
    });
    // Converted meanwhile (by hand or by another quote): the quote joins that client.
    if (lead.status === 'converted' && lead.convertedClientId) {
      return { clientId: lead.convertedClientId, contactId: null };
    }
    // The currency the customer accepted to be quoted in is the best guess for billing.
    const parts = conversionParts(toLead(lead), {}, quote.currency);
    const { client, contact } = await this.leads.createClient(tx, actor, parts);
    await this.leads.markConverted(tx, actor, lead, client.id, quote.opportunityId);
    return { clientId: client.id, contactId: contact.id };
  }
}
