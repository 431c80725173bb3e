import { z } from 'zod';
import { CurrencyCodeSchema, ExchangeRateSchema, IsoDateSchema } from '../common.js';
import { FIELD_MESSAGES } from '../problem.js';
import { isCurrencyInUse } from './intl-codes.js';
import { referenceContracts } from './reference.js';

/** Typed by hand, or imported from a CSV (e.g. the central bank's daily table). */
export const EXCHANGE_RATE_SOURCES = ['manual', 'csv_import'] as const;
export const ExchangeRateSourceSchema = z.enum(EXCHANGE_RATE_SOURCES);

/** TND per one unit of `currency` on `date`; one rate per currency and day. */
const exchangeRateFields = {
  currency: CurrencyCodeSchema.refine((c) => c !== 'TND', 'TND is the base currency').refine(
    isCurrencyInUse,
    FIELD_MESSAGES.unknownCurrency,
  ),
  date: IsoDateSchema,
  rate: ExchangeRateSchema,
  source: ExchangeRateSourceSchema,
};

export const {
  create: ExchangeRateCreateSchema,
  update: ExchangeRateUpdateSchema,
  read: ExchangeRateRecordSchema,
  query: ExchangeRateListQuerySchema,
  page: ExchangeRatePageSchema,
  sortFields: EXCHANGE_RATE_SORT_FIELDS,
} = referenceContracts({
  fields: exchangeRateFields,
  createDefaults: { source: ExchangeRateSourceSchema.default('manual') },
  sortFields: ['date', 'currency'],
  filters: {
    currency: CurrencyCodeSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  },
});
export type ExchangeRateCreate = z.infer<typeof ExchangeRateCreateSchema>;
export type ExchangeRateUpdate = z.infer<typeof ExchangeRateUpdateSchema>;
export type ExchangeRateRecord = z.infer<typeof ExchangeRateRecordSchema>;
export type ExchangeRateListQuery = z.infer<typeof ExchangeRateListQuerySchema>;

/** `GET /api/exchange-rates/rate-of?currency=EUR&date=2026-03-02`: the latest rate on or before the date. */
export const RateOfDateQuerySchema = z.strictObject({ currency: CurrencyCodeSchema, date: IsoDateSchema });
export type RateOfDateQuery = z.infer<typeof RateOfDateQuerySchema>;
