import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { and, eq, lt, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../common/records/actor.js';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import { businessToday } from './quote-status.js';
import { QuotesService } from './quotes.service.js';
import { quotes } from './quotes.table.js';

/** How often sent quotes past their validity are written down as expired. */
const SWEEP_INTERVAL_MS = 15 * 60 * 1000;

/**
 * Expiry has two halves. Reads already show a sent quote past its date as `expired`
 * (quote-status.ts), so users never see a stale status. This sweep makes it a fact in the table —
 * status, version bump and a `system` audit entry — for reports, filters by stored status and the
 * timeline. Running it on several instances at once is harmless: the UPDATE re-checks
 * `status = 'sent'` under the row lock, so each quote expires once.
 */
@Injectable()
export class QuoteExpirySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly quotes: QuotesService,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.sweep().catch((err: unknown) => this.logger.warn({ err }, 'quote expiry sweep failed'));
    };
    run();
    // unref: a pending sweep never keeps a stopping process alive.
    this.timer = setInterval(run, SWEEP_INTERVAL_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Expires every sent quote whose validity ended before `today`; returns how many. */
  async sweep(today = businessToday()): Promise<number> {
    const { records } = this.quotes;
    const expired = await records.db.transaction(async (tx) => {
      const rows = await tx
        .update(quotes)
        .set({ status: 'expired', version: sql`${quotes.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(quotes.status, 'sent'), lt(quotes.validUntil, today)))
        .returning({ id: quotes.id, number: quotes.number });
      for (const row of rows) {
        await records.recordAudit(
          tx,
          SYSTEM_ACTOR,
          'expire',
          row.id,
          { status: 'sent' },
          { status: 'expired' },
        );
      }
      return rows;
    });
    if (expired.length > 0) {
      this.logger.info({ quotes: expired.map((q) => q.number) }, 'sent quotes past validity expired');
    }
    return expired.length;
  }
}
