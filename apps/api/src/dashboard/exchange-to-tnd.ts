import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { BASE_CURRENCY } from '@velosi/contracts';
import { exchangeRates } from '../reference/exchange-rates/exchange-rates.table.js';

/**
 * TND per unit of `currency` on `day`: 1 for TND, else the latest live reference rate on or before
 * the day (reference/exchange-rates, same rule as RateOfDate), null when none is known. Used for
 * amounts no document has frozen a rate for yet (opportunity values).
 */
export function rateToTnd(currency: PgColumn, day: string): SQL<string | null> {
  return sql<string | null>`(case when ${currency} = ${BASE_CURRENCY} then 1::numeric else (
    select ${exchangeRates.rate} from ${exchangeRates}
    where ${exchangeRates.currency} = ${currency} and ${exchangeRates.date} <= ${day}::date
      and ${exchangeRates.archivedAt} is null
    order by ${exchangeRates.date} desc limit 1) end)`;
}
