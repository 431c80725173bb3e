import {
  ClientCreateSchema,
  ContactCreateSchema,
  OpportunityDraftSchema,
  type ClientCreate,
  type ContactCreate,
  type Lead,
  type LeadConvert,
  type OpportunityDraft,
} from '@velosi/contracts';
import { parseWith } from '../common/validation.js';

export interface ConversionParts {
  client: ClientCreate;
  contact: Omit<ContactCreate, 'isPrimary'>;
  opportunity: OpportunityDraft;
}

/** "Sami Ben Ali" → first "Sami", last "Ben Ali"; one word is a last name. */
function splitName(fullName: string): { firstName: string | null; lastName: string } {
  const [first, ...rest] = fullName.trim().split(/\s+/);
  return rest.length
    ? { firstName: first ?? null, lastName: rest.join(' ') }
    : { firstName: null, lastName: fullName.trim() };
}

/**
 * The parts of a conversion the request left out, derived from the lead. They go through the same
 * contract schemas as a request body (defaults applied, lengths checked; a lead that does not fit
 * answers 400), so a derived client is exactly what the SPA would have sent. `currency` is the
 * derived client's billing currency when the caller knows better than the lead's estimate (an
 * accepted quote's currency).
 */
export function conversionParts(
  lead: Lead,
  body: Partial<Pick<LeadConvert, 'client' | 'contact' | 'opportunity'>>,
  currency: string | undefined = lead.estimatedAnnualValue?.currency,
): ConversionParts {
  const name = lead.company ?? lead.fullName;
  return {
    client:
      body.client ??
      parseWith(ClientCreateSchema, {
        name,
        currency,
        assignedTo: lead.assignedTo,
      }),
    contact:
      body.contact ??
      parseWith(ContactCreateSchema.omit({ isPrimary: true }), {
        ...splitName(lead.fullName),
        emails: lead.email ? [lead.email] : [],
        phones: lead.phone ? [lead.phone] : [],
      }),
    opportunity:
      body.opportunity ??
      parseWith(OpportunityDraftSchema, {
        title: name,
        value: lead.estimatedAnnualValue,
        traffic: lead.traffic,
        assignedTo: lead.assignedTo,
      }),
  };
}
