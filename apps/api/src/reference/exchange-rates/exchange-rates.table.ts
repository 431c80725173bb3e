import { date, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { currencyCode, exchangeRate, recordColumns } from '../../common/records/columns.js';

/**
 * TND per unit of a currency on a day. One live rate per currency and day; "the rate of a date"
 * is the latest on or before it, which the (currency, date) index answers.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    ...recordColumns(),
    currency: currencyCode().notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    rate: exchangeRate('rate').notNull(),
    source: text('source').notNull(),
  },
  (table) => [uniqueIndex('exchange_rates_currency_date_key').on(table.currency, table.date)],
);
export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
