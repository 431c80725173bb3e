import {
  ExchangeRateCreateSchema,
  ExchangeRateListQuerySchema,
  ExchangeRatePageSchema,
  ExchangeRateRecordSchema,
  ExchangeRateUpdateSchema,
} from '@velosi/contracts';
import { gte, lte } from 'drizzle-orm';
import { defineReference, equalsIfGiven } from '../framework/define-reference.js';
import { exchangeRates } from './exchange-rates.table.js';

export const EXCHANGE_RATES = defineReference({
  path: 'exchange-rates',
  name: 'ExchangeRates',
  entity: 'exchange_rate',
  table: exchangeRates,
  schemas: {
    create: ExchangeRateCreateSchema,
    update: ExchangeRateUpdateSchema,
    read: ExchangeRateRecordSchema,
    query: ExchangeRateListQuerySchema,
    page: ExchangeRatePageSchema,
  },
  sort: { date: exchangeRates.date, currency: exchangeRates.currency },
  defaultSort: { field: 'date', direction: 'desc' },
  search: [exchangeRates.currency],
  filters: (query) => [
    equalsIfGiven(exchangeRates.currency, query.currency),
    typeof query.from === 'string' ? gte(exchangeRates.date, query.from) : undefined,
    typeof query.to === 'string' ? lte(exchangeRates.date, query.to) : undefined,
  ],
  uniqueFields: { exchange_rates_currency_date_key: 'date' },
  csv: [
    ['currency', 'Devise', 'Currency'],
    ['date', 'Date', 'Date'],
    ['rate', 'Cours (TND)', 'Rate (TND)'],
    ['source', 'Source', 'Source'],
  ],
});
