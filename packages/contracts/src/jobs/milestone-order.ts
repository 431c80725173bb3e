// Zod-free: the order a job's milestones keep, checked by the API and by the job page before sending.
import { JOB_MILESTONE_KINDS } from '../vocabulary.js';

type Kind = (typeof JOB_MILESTONE_KINDS)[number];

interface DatedMilestone {
  kind: Kind;
  /** ISO date-time. */
  occurredAt: string;
}

/**
 * The steps a shipment goes through one after the other. Customs clearance is not in the chain: an
 * export is cleared before it departs, an import after it arrives; it only falls between booking
 * and delivery.
 */
const CHAIN: readonly Kind[] = ['booked', 'cargo_received', 'departed', 'arrived', 'delivered'];
const CUSTOMS_BOUNDS: readonly Kind[] = ['booked', 'delivered'];

/** Where a step stands against another: -1 before it, 1 after it, 0 when the two are not ordered. */
function order(a: Kind, b: Kind): number {
  if (a === b) return 0;
  if (a === 'customs_cleared' || b === 'customs_cleared') {
    const other = a === 'customs_cleared' ? b : a;
    if (!CUSTOMS_BOUNDS.includes(other)) return 0;
    const customsFirst = other === 'delivered' ? -1 : 1;
    return a === 'customs_cleared' ? customsFirst : -customsFirst;
  }
  return Math.sign(CHAIN.indexOf(a) - CHAIN.indexOf(b));
}

/** Why a milestone does not fit those recorded, naming the one it clashes with. */
export interface MilestoneClash {
  /** `twice`: that step is recorded already; `before`/`after`: dated before an earlier step or after a later one. */
  reason: 'twice' | 'before' | 'after';
  kind: Kind;
  occurredAt: string;
}

/**
 * The recorded milestone `next` clashes with, or null: each step is recorded once, and no step is
 * dated before an earlier one (an arrival on the 1st after a departure on the 2nd) or after a
 * later one. Same instants are allowed. Of several earlier steps it precedes, the latest is named
 * (the departure of the 6th rather than the booking of the 2nd): the date it has to follow.
 */
export function milestoneClash(
  next: DatedMilestone,
  recorded: readonly DatedMilestone[],
): MilestoneClash | null {
  const twice = recorded.find((m) => m.kind === next.kind);
  if (twice) return { reason: 'twice', kind: twice.kind, occurredAt: twice.occurredAt };
  const at = Date.parse(next.occurredAt);
  const when = (m: DatedMilestone) => Date.parse(m.occurredAt);
  const byDate = [...recorded].sort((a, b) => when(a) - when(b));
  const before = byDate.filter((m) => order(next.kind, m.kind) > 0 && at < when(m)).at(-1);
  if (before) return { reason: 'before', kind: before.kind, occurredAt: before.occurredAt };
  const after = byDate.find((m) => order(next.kind, m.kind) < 0 && at > when(m));
  return after ? { reason: 'after', kind: after.kind, occurredAt: after.occurredAt } : null;
}

/**
 * The kinds that normally come before `kind` and are not recorded: the API takes a milestone in
 * any order (a job may well skip one), so the job page only asks before recording past them.
 * Customs clearance (see CHAIN) needs only a booking before it, and only the delivery waits for it.
 */
export function skippedMilestones(recorded: readonly { kind: Kind }[], kind: Kind): Kind[] {
  const done = new Set(recorded.map((m) => m.kind));
  const before =
    kind === 'customs_cleared'
      ? (['booked'] as Kind[])
      : JOB_MILESTONE_KINDS.slice(0, JOB_MILESTONE_KINDS.indexOf(kind)).filter(
          (k) => k !== 'customs_cleared' || kind === 'delivered',
        );
  return before.filter((k) => !done.has(k));
}
