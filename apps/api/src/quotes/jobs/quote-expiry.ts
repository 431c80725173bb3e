import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { businessToday } from '../../common/business-day.js';
import { APP_LOGGER, type AppLogger } from '../../common/logger.js';
import { SYSTEM_ACTOR } from '../../common/records/actor.js';
import { QuotesRepository } from '../persistence/quotes.repository.js';

/** How often sent quotes past their validity are written down as expired. */
const SWEEP_INTERVAL_MS = 15 * 60 * 1000;

/**
 * Expiry has two halves. Reads already show a sent quote past its date as `expired`
 * (domain/quote-status.ts), so users never see a stale status. This sweep makes it a fact in the table —
 * status, version bump and a `system` audit entry — for reports, filters by stored status and the
 * timeline. Running it on several instances at once is harmless (QuotesRepository.expireSentBefore).
 */
@Injectable()
export class QuoteExpirySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly quotes: QuotesRepository,
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
    const expired = await this.quotes.expireSentBefore(SYSTEM_ACTOR, today);
    if (expired.length > 0) {
      this.logger.info({ quotes: expired }, 'sent quotes past validity expired');
    }
    return expired.length;
  }
}
