import { Inject, Injectable } from '@nestjs/common';
import type { ExchangeRateRecord } from '@velosi/contracts';
import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import { DATABASE, type DatabaseHandle } from '../../database/database.types.js';
import { EXCHANGE_RATES } from './exchange-rates.reference.js';
import { exchangeRates } from './exchange-rates.table.js';

/**
 * The rate a foreign-currency line proposes: the latest live rate of the currency on or before
 * the line's date (no rate is published on week-ends and holidays). The document then freezes it.
 */
@Injectable()
export class RateOfDate {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async find(currency: string, date: string): Promise<ExchangeRateRecord | undefined> {
    const [row] = await this.database.db
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
    return row ? (EXCHANGE_RATES.definition.toApi(row as never) as ExchangeRateRecord) : undefined;
  }
}
