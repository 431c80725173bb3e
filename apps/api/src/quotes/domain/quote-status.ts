import { DEFAULT_QUOTE_VALIDITY_DAYS, addDaysToIsoDate, type QuoteStatus } from '@velosi/contracts';
import { businessToday } from '../../common/business-day.js';

/**
 * A sent quote past its validity is expired. Reads apply this rule on the fly, so the answer is
 * right the moment the date passes; the expiry sweep (jobs/quote-expiry.ts) then writes it down
 * with an audit entry. The stored status alone may lag by up to one sweep interval. The same rule
 * in SQL, for status filters, is QuotesRepository's `effectiveStatusIn`.
 */
export function effectiveStatus(stored: string, validUntil: string, today = businessToday()): QuoteStatus {
  return stored === 'sent' && validUntil < today ? 'expired' : (stored as QuoteStatus);
}

/** Validity of a new quote when none is given: today + DEFAULT_QUOTE_VALIDITY_DAYS (contracts). */
export function defaultValidUntil(): string {
  return addDaysToIsoDate(businessToday(), DEFAULT_QUOTE_VALIDITY_DAYS);
}
