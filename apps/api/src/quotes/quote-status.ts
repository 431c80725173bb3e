import { DEFAULT_QUOTE_VALIDITY_DAYS, addDaysToIsoDate, type QuoteStatus } from '@velosi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { quotes } from './quotes.table.js';

/**
 * The company works on Tunis time: a quote "valid until 4 February" is valid through that day in
 * Tunisia, whatever the server's or the database's time zone.
 */
export const BUSINESS_TIME_ZONE = 'Africa/Tunis';

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Tunis, `YYYY-MM-DD`. */
export function businessToday(now: Date = new Date()): string {
  return isoDay.format(now);
}

/**
 * A sent quote past its validity is expired. Reads apply this rule on the fly, so the answer is
 * right the moment the date passes; the expiry sweep (quote-expiry.ts) then writes it down with an
 * audit entry. The stored status alone may lag by up to one sweep interval.
 */
export function effectiveStatus(stored: string, validUntil: string, today = businessToday()): QuoteStatus {
  return stored === 'sent' && validUntil < today ? 'expired' : (stored as QuoteStatus);
}

/** The same rule in SQL, for status filters. */
export function effectiveStatusSql(today = businessToday()): SQL<string> {
  return sql<string>`(case when ${quotes.status} = 'sent' and ${quotes.validUntil} < ${today}::date
    then 'expired' else ${quotes.status} end)`;
}

/** Validity of a new quote when none is given: today + 15 days (DESIGN, issue 4). */
export function defaultValidUntil(): string {
  return addDaysToIsoDate(businessToday(), DEFAULT_QUOTE_VALIDITY_DAYS);
}
