import { canApplyQuoteAction, type Quote, type QuoteAction } from '@velosi/contracts';
import type { Actor } from '../../common/records/actor.js';
import { invalidState } from '../../common/records/problems.js';
import type { Transaction } from '../../database/database.types.js';
import type { NewQuote, QuotesRepository } from '../persistence/quotes.repository.js';
import type { QuoteRow } from '../persistence/quotes.table.js';
import { lineInput } from './quote-pricing.js';
import { defaultValidUntil, effectiveStatus } from './quote-status.js';

/**
 * Locks the quote for an action (404 if not the caller's, 409 if `version` is stale) and applies
 * the contracts' action table to its effective status (409 invalid-state otherwise), so an expired
 * quote cannot be accepted even before the sweep has written "expired" down.
 */
export async function lockForAction(
  quotes: QuotesRepository,
  tx: Transaction,
  actor: Actor,
  id: string,
  version: number,
  action: QuoteAction,
): Promise<QuoteRow> {
  const row = await quotes.lockVersion(tx, actor.user, id, version, { scope: actor.scope });
  const status = effectiveStatus(row.status, row.validUntil);
  if (!canApplyQuoteAction(status, action)) {
    throw invalidState(`The quote is ${status}: "${action}" is not possible now.`);
  }
  return row;
}

/**
 * A new draft copying a quote's header and lines (revise, duplicate). Validity restarts from today:
 * the source's date may be long past. Lines are re-priced from their stored inputs, which gives the
 * same figures (same rates, same rules) while keeping pricing in one place.
 */
export function copyAsDraft(quote: Quote): NewQuote {
  return {
    clientId: quote.clientId,
    leadId: quote.leadId,
    contactId: quote.contactId,
    opportunityId: quote.opportunityId,
    title: quote.title,
    mode: quote.mode,
    direction: quote.direction,
    incoterm: quote.incoterm,
    incotermPlace: quote.incotermPlace,
    origin: quote.origin,
    destination: quote.destination,
    carrierCode: quote.carrierCode,
    commodity: quote.commodity,
    packagesCount: quote.packagesCount,
    grossWeightKg: quote.grossWeightKg,
    volumeM3: quote.volumeM3,
    containers: quote.containers,
    transitTimeDays: quote.transitTimeDays,
    validUntil: defaultValidUntil(),
    paymentTerms: quote.paymentTerms,
    conditions: quote.conditions,
    internalNotes: quote.internalNotes,
    currency: quote.currency,
    exchangeRate: quote.exchangeRate,
    stampDutyApplies: quote.stampDutyApplies,
    assignedTo: quote.assignedTo,
    items: quote.items.map(lineInput),
  };
}
