import { ExchangeRateCreateSchema } from '@velosi/contracts';
import { Decimal } from 'decimal.js';
import { and, gte, inArray } from 'drizzle-orm';
import { businessToday } from '../../common/business-day.js';
import type { DemoSeedStep } from '../../demo/seed.js';
import type { ReferenceService } from '../framework/reference.service.js';
import type { RecordTable } from '../../common/records/repository.js';
import { exchangeRates } from './exchange-rates.table.js';

/** TND per unit a year ago and the monthly drift since (plausible for 2025–2026, not real data). */
const DEMO_RATES = [
  { currency: 'EUR', yearAgo: '3.3120', perMonth: '0.0065' },
  { currency: 'USD', yearAgo: '3.0410', perMonth: '-0.0070' },
] as const;
const MONTHS = 13;

/** The first day of the month `back` months before `today` ("2026-12-07", 2 → "2026-10-01"). */
function monthStart(today: string, back: number): string {
  const [year = 2000, month = 1] = today.split('-').map(Number);
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Demo seed step (registered in demo/demo-steps.ts): a rate on the first of each month for the
 * last 13 months, EUR and USD, so the dashboard converts the demo's foreign-currency pipeline and
 * the quote editor proposes a rate. Global data: written once, with the first commercial, through
 * the exchange-rates reference service (validated and audited like an admin's entry). A day that
 * already has a rate (typed by an admin before `seed:demo`) is left as it is.
 */
export function exchangeRateSeedStep(
  service: ReferenceService<RecordTable, Record<string, unknown>, string>,
): DemoSeedStep {
  return async (ctx) => {
    if (ctx.index > 0) return { exchangeRates: 0 };
    const today = businessToday(ctx.now);
    // The days already priced in the seeded window, read once (not one query per month).
    const priced = await ctx.tx
      .select({ currency: exchangeRates.currency, date: exchangeRates.date })
      .from(exchangeRates)
      .where(
        and(
          inArray(
            exchangeRates.currency,
            DEMO_RATES.map((r) => r.currency),
          ),
          gte(exchangeRates.date, monthStart(today, MONTHS - 1)),
        ),
      );
    const taken = new Set(priced.map((row) => `${row.currency} ${row.date}`));
    let written = 0;
    for (const { currency, yearAgo, perMonth } of DEMO_RATES) {
      for (let back = MONTHS - 1; back >= 0; back--) {
        const date = monthStart(today, back);
        if (taken.has(`${currency} ${date}`)) continue;
        const rate = new Decimal(perMonth)
          .times(MONTHS - 1 - back)
          .plus(yearAgo)
          .toFixed(4);
        await service.insert(ctx.tx, ctx.actor, ExchangeRateCreateSchema.parse({ currency, date, rate }));
        written += 1;
      }
    }
    return { exchangeRates: written };
  };
}
