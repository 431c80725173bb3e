import { char, date, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../common/records/columns.js';

/**
 * TND per unit of a currency on a day. One live rate per currency and day; "the rate of a date"
 * is the latest on or before it, which the (currency, date) index answers.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    ...recordColumns(),
    currency: char('currency', { length: 3 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    rate: numeric('rate', { precision: 12, scale: 6 }).notNull(),
    source: text('source').notNull(),
  },
  (table) => [uniqueIndex('exchange_rates_currency_date_key').on(table.currency, table.date)],
);
export type ExchangeRateRow = typeof exchangeRates.$inferSelect;
