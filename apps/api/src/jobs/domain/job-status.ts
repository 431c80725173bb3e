import {
  FINISHED_JOB_STATUSES,
  JOB_MILESTONE_STATUS,
  JOB_STATUSES,
  type JobMilestoneKind,
  type JobStatus,
} from '@velosi/contracts';
import { businessToday } from '../../common/business-day.js';
import { invalidState } from '../../common/records/problems.js';

export interface MilestoneFacts {
  kind: string;
  occurredAt: Date;
}

export interface DerivedFromMilestones {
  status: JobStatus;
  atd: string | null;
  ata: string | null;
}

const rank = (status: JobStatus) => JOB_STATUSES.indexOf(status);

/**
 * The status, ATD and ATA the recorded milestones give: the furthest status any milestone reaches
 * (`open` without one), ATD/ATA the (business-day) date of the latest departed/arrived milestone.
 * Recomputed after every milestone added or deleted, so a mistaken entry removed puts things back.
 */
export function deriveFromMilestones(milestones: readonly MilestoneFacts[]): DerivedFromMilestones {
  let status: JobStatus = 'open';
  let departed: Date | null = null;
  let arrived: Date | null = null;
  for (const m of milestones) {
    const reached = JOB_MILESTONE_STATUS[m.kind as JobMilestoneKind];
    if (reached && rank(reached) > rank(status)) status = reached;
    if (m.kind === 'departed' && (!departed || m.occurredAt > departed)) departed = m.occurredAt;
    if (m.kind === 'arrived' && (!arrived || m.occurredAt > arrived)) arrived = m.occurredAt;
  }
  return {
    status,
    atd: departed ? businessToday(departed) : null,
    ata: arrived ? businessToday(arrived) : null,
  };
}

export function isFinished(status: string): boolean {
  return (FINISHED_JOB_STATUSES as readonly string[]).includes(status);
}

/** Refuses changes to a closed or cancelled job (409 invalid-state). */
export function assertOpen(job: { status: string; number: string }): void {
  if (isFinished(job.status))
    throw invalidState(`Job ${job.number} is ${job.status}: it cannot change any more.`);
}
