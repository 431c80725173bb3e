import type { BruteForceSettings } from '../realm/load.js';
import type { StoredUser, UserStore } from './store.js';

/**
 * Keycloak's DefaultBruteForceProtector, same arithmetic: after `failureFactor` failures the user is
 * temporarily disabled for `waitIncrementSeconds × floor(failures / failureFactor)` (capped at
 * `maxFailureWaitSeconds`); two failures closer than `quickLoginCheckMilliSeconds` lock for
 * `minimumQuickLoginWaitSeconds`; failures older than `maxDeltaTimeSeconds` are forgotten; a
 * success clears the record. With `permanentLockout` the user is disabled instead.
 */
export class BruteForceProtector {
  constructor(
    private readonly settings: BruteForceSettings,
    private readonly store: UserStore,
    private readonly now: () => number = Date.now,
  ) {}

  isTemporarilyDisabled(user: StoredUser): boolean {
    if (!this.settings.enabled) return false;
    const failure = this.store.loginFailures.get(user.id);
    return failure !== undefined && Math.floor(this.now() / 1000) < failure.failedLoginNotBefore;
  }

  async failure(user: StoredUser, ip: string | undefined): Promise<void> {
    if (!this.settings.enabled) return;
    const s = this.settings;
    const current = this.now();
    const record = this.store.loginFailures.get(user.id) ?? {
      numFailures: 0,
      lastFailure: 0,
      failedLoginNotBefore: 0,
    };
    const last = record.lastFailure;
    const delta = last > 0 ? current - last : 0;
    record.lastIPFailure = ip;
    record.lastFailure = current;

    if (s.permanentLockout) {
      record.numFailures += 1;
      if (record.numFailures === s.failureFactor) {
        await this.store.update(user.id, {
          enabled: false,
          attributes: { ...user.attributes, disabledReason: ['permanentLockout'] },
        });
      } else if (last > 0 && delta < s.quickLoginCheckMilliSeconds) {
        record.failedLoginNotBefore = Math.floor(current / 1000) + s.minimumQuickLoginWaitSeconds;
      }
    } else {
      if (delta > s.maxDeltaTimeSeconds * 1000) record.numFailures = 0;
      record.numFailures += 1;
      let wait = s.waitIncrementSeconds * Math.floor(record.numFailures / s.failureFactor);
      if (wait === 0 && last > 0 && delta < s.quickLoginCheckMilliSeconds)
        wait = s.minimumQuickLoginWaitSeconds;
      if (wait > 0)
        record.failedLoginNotBefore = Math.floor(current / 1000) + Math.min(s.maxFailureWaitSeconds, wait);
    }
    this.store.loginFailures.set(user.id, record);
    await this.store.persist();
  }

  async success(user: StoredUser): Promise<void> {
    if (this.store.loginFailures.delete(user.id)) await this.store.persist();
  }
}
