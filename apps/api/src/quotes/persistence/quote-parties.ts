import { Injectable } from '@nestjs/common';
import type { DocumentLanguage, FieldError } from '@velosi/contracts';
import { eq } from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import { clientRecords } from '../../clients/clients.records.js';
import { clients, contacts } from '../../clients/clients.table.js';
import { ContactsRepository } from '../../clients/contacts/contacts.repository.js';
import { assertLinkVisible } from '../../common/records/links.js';
import type { Executor } from '../../common/records/repository.js';
import { ValidationProblem } from '../../common/validation.js';
import { leadRecords } from '../../leads/leads.records.js';
import { leads } from '../../leads/leads.table.js';
import { OpportunitiesRepository } from '../../opportunities/opportunities.repository.js';

/** The records a quote points at. */
export interface QuoteLinks {
  clientId?: string | null;
  leadId?: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
}

/** Who the quote is addressed to, as printed and shown on the public link. */
export interface QuoteCustomer {
  name: string;
  language: DocumentLanguage;
  address: string | null;
  city: string | null;
  country: string | null;
  fiscalId: string | null;
  /** The client's VAT-suspension authorisation, when its regime is `suspended`. */
  vatSuspension: VatSuspensionReference | null;
}

export interface VatSuspensionReference {
  number: string;
  /** ISO `YYYY-MM-DD`. */
  issuedOn: string;
  expiresOn: string;
}

export interface QuoteContact {
  name: string;
  emails: string[];
  phone: string | null;
}

/** Checks and reads the client, prospect, contact and opportunity a quote is linked to. */
@Injectable()
export class QuoteParties {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly opportunities: OpportunitiesRepository,
  ) {}

  /**
   * Every link must name a record the caller can see, and they must agree: the contact belongs to
   * the client, the opportunity to the same client or prospect. A bad link is a field error (400),
   * worded the same for "absent" and "not yours" so ids cannot be probed.
   */
  async check(executor: Executor, user: AuthUser, links: QuoteLinks): Promise<void> {
    if (links.clientId) await assertLinkVisible(executor, user, clientRecords, links.clientId, 'clientId');
    if (links.leadId) await assertLinkVisible(executor, user, leadRecords, links.leadId, 'leadId');
    const errors: FieldError[] = [];
    if (links.contactId) {
      const contact = await this.contacts.find(executor, user, links.contactId);
      if (contact?.clientId !== links.clientId) {
        errors.push({ field: 'contactId', message: "no contact of the quote's client with this id" });
      }
    }
    if (links.opportunityId) {
      const opportunity = await this.opportunities.find(executor, user, links.opportunityId);
      const sameParent =
        (links.clientId && opportunity?.clientId === links.clientId) ||
        (links.leadId && opportunity?.leadId === links.leadId);
      if (!sameParent) {
        errors.push({
          field: 'opportunityId',
          message: "no opportunity of the quote's client or lead with this id",
        });
      }
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  /**
   * The customer of a quote the caller was already allowed to read (no visibility filter here:
   * FINANCE and OPERATIONS read quotes of clients that are not assigned to them).
   */
  async customerOf(
    executor: Executor,
    links: Pick<QuoteLinks, 'clientId' | 'leadId'>,
  ): Promise<QuoteCustomer> {
    if (links.clientId) {
      const [client] = await executor.select().from(clients).where(eq(clients.id, links.clientId));
      if (client) {
        return {
          name: client.name,
          language: client.language as DocumentLanguage,
          address: client.address,
          city: client.city,
          country: client.country,
          fiscalId: client.fiscalId,
          vatSuspension:
            client.vatRegime === 'suspended' &&
            client.vatSuspensionNumber &&
            client.vatSuspensionIssuedOn &&
            client.vatSuspensionExpiresOn
              ? {
                  number: client.vatSuspensionNumber,
                  issuedOn: client.vatSuspensionIssuedOn,
                  expiresOn: client.vatSuspensionExpiresOn,
                }
              : null,
        };
      }
    }
    const [lead] = links.leadId ? await executor.select().from(leads).where(eq(leads.id, links.leadId)) : [];
    if (!lead) throw new Error('quote has neither a client nor a lead');
    // Prospects have no document language yet: French, the company's working language.
    return {
      name: lead.company ?? lead.fullName,
      language: 'fr',
      address: null,
      city: null,
      country: null,
      fiscalId: null,
      vatSuspension: null,
    };
  }

  /** The addressee: the quote's contact, else (prospect) the lead's own details. */
  async contactOf(
    executor: Executor,
    links: Pick<QuoteLinks, 'contactId' | 'leadId' | 'clientId'>,
  ): Promise<QuoteContact | null> {
    if (links.contactId) {
      const [c] = await executor.select().from(contacts).where(eq(contacts.id, links.contactId));
      if (c)
        return {
          name: [c.firstName, c.lastName].filter(Boolean).join(' '),
          emails: c.emails,
          phone: c.phones[0] ?? null,
        };
    }
    if (!links.clientId && links.leadId) {
      const [lead] = await executor.select().from(leads).where(eq(leads.id, links.leadId));
      if (lead) return { name: lead.fullName, emails: lead.email ? [lead.email] : [], phone: lead.phone };
    }
    return null;
  }
}
