import { concurrentChange, isUniqueViolation } from '../common/records/problems.js';
import { recordRepositoryFor } from '../common/records/repository.js';
import type { Actor } from '../common/records/actor.js';
import { salesTargetRecords, type SalesTargetHeader } from './sales-targets.records.js';

const ONE_PER_PERIOD = 'sales_targets_commercial_period_key';

/** Runs `work`, answering 409 when it would make a second live target for a commercial and period. */
export async function oneLivePerPeriod<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, ONE_PER_PERIOD)) {
      throw concurrentChange('This commercial already has a live target for this period.');
    }
    throw error;
  }
}

/** Reads and writes of sales targets (visibility, versions, audit): see common/records. */
export class SalesTargetsRepository extends recordRepositoryFor(salesTargetRecords) {
  /** Restoring next to a newer live target of the same period is refused (409), not a 500. */
  override setArchived(
    actor: Actor,
    id: string,
    version: number,
    archived: boolean,
  ): Promise<SalesTargetHeader> {
    return oneLivePerPeriod(() => super.setArchived(actor, id, version, archived));
  }
}
