import { Inject, Injectable } from '@nestjs/common';
import { BASE_CURRENCY, FIELD_MESSAGES, type ExchangeRateRecord } from '@velosi/contracts';
import { Decimal } from 'decimal.js';
import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../common/records/repository.js';
import { ValidationProblem } from '../../common/validation.js';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { EXCHANGE_RATES } from './exchange-rates.reference.js';
import { exchangeRates, type ExchangeRateRow } from './exchange-rates.table.js';

/**
 * The rate a foreign-currency line proposes: the latest live rate of the currency on or before
 * the line's date (no rate is published on week-ends and holidays). The document then freezes it.
 */
@Injectable()
export class RateOfDate {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async find(currency: string, date: string): Promise<ExchangeRateRecord | undefined> {
    const row = await latestRate(this.database.db, currency, date);
    return row ? (EXCHANGE_RATES.definition.toApi(row as never) as ExchangeRateRecord) : undefined;
  }
}

/**
 * The latest live rate of `currency` on or before `date`, read with `executor` (a transaction
 * reads it inside the transaction: rateToFreeze, InvoiceParties).
 */
export async function latestRate(
  executor: Executor,
  currency: string,
  date: string,
): Promise<ExchangeRateRow | undefined> {
  const [row] = await executor
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.currency, currency),
        lte(exchangeRates.date, date),
        isNull(exchangeRates.archivedAt),
      ),
    )
    .orderBy(desc(exchangeRates.date))
    .limit(1);
  return row;
}

/**
 * How far a typed rate may stray from the reference rate: a negotiated or bank rate stays well
 * within it, a slipped digit (0.000001, 33.9 for 3.39) does not.
 */
const PLAUSIBLE_FACTOR = 2;

/**
 * The rate a foreign-currency document or line freezes: the one `given`, 1 for TND, else the
 * reference rate of `date` (400 on `field` when none is on file). A given rate more than twice
 * or less than half the reference rate is refused on `field`. Read on the caller's executor:
 * inside a transaction on PGlite's single connection, a query on the pool would wait forever.
 */
export async function rateToFreeze(
  executor: Executor,
  currency: string,
  date: string,
  given: string | undefined,
  field: string,
): Promise<string> {
  if (currency === BASE_CURRENCY) return given ?? '1';
  const reference = (await latestRate(executor, currency, date))?.rate;
  if (given) {
    if (reference && !plausible(given, reference)) {
      throw new ValidationProblem([{ field, message: FIELD_MESSAGES.implausibleRate }]);
    }
    return given;
  }
  if (!reference)
    throw new ValidationProblem([{ field, message: `no ${currency} exchange rate on or before ${date}` }]);
  return reference;
}

function plausible(given: string, reference: string): boolean {
  const ratio = new Decimal(given).div(reference);
  return ratio.lte(PLAUSIBLE_FACTOR) && ratio.gte(new Decimal(1).div(PLAUSIBLE_FACTOR));
}
