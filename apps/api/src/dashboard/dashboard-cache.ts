import type { SalesDashboard, SalesPeriod } from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';

/** How long a sales dashboard is reused: a year of aggregates is seconds of CPU on 100k quotes. */
export const DASHBOARD_CACHE_MS = 30_000;
/** Most entries kept (oldest dropped first): one per user, period and commercial asked for. */
const MAX_ENTRIES = 500;

interface Entry {
  expires: number;
  value: Promise<SalesDashboard>;
}

/**
 * A short cache of the sales widgets, keyed by WHO asks (their id, roles and permissions — the
 * visibility and margin rules depend on nothing else) and WHAT (period, day, commercial filter): a
 * commercial's key always holds their own id, so no entry can ever answer another user. The
 * promise is stored, so a burst of identical requests computes the figures once.
 */
export class DashboardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  get(
    user: AuthUser,
    what: { period: SalesPeriod; today: string; commercialId: string | null },
    compute: () => Promise<SalesDashboard>,
  ): Promise<SalesDashboard> {
    const key = JSON.stringify([
      user.sub,
      [...user.roles].sort(),
      [...user.permissions].sort(),
      what.commercialId,
      what.period.from,
      what.period.to,
      what.today,
    ]);
    const time = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > time) return hit.value;
    if (hit) this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { expires: time + DASHBOARD_CACHE_MS, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
