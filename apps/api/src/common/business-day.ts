/**
 * The company works on Tunis time: a quote "valid until 4 February" is valid through that day in
 * Tunisia, and a document numbered on 31 December belongs to that year there, whatever the
 * server's or the database's time zone.
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
