import type { JobStatus, TransportMode } from '@velosi/contracts';

// Option lists come from the contracts' zod-free vocabulary (what the API validates with).
export {
  JOB_CHARGE_SIDES as CHARGE_SIDES,
  JOB_CHARGE_STAGES as CHARGE_STAGES,
  JOB_MILESTONE_KINDS as MILESTONE_KINDS,
  JOB_STATUSES,
  TRANSPORT_MODES as MODES,
} from '@velosi/contracts/vocabulary';

/** Chip colour class per status (styles in jobs.scss). */
export function jobStatusClass(status: JobStatus): string {
  return `job-status job-status-${status}`;
}

/** The transport documents a job of this mode carries (sea: B/L, air: AWB, road: CMR). */
export function documentFields(
  mode: TransportMode,
): readonly ('mblNumber' | 'hblNumber' | 'mawbNumber' | 'hawbNumber' | 'cmrNumber')[] {
  if (mode.startsWith('air')) return ['mawbNumber', 'hawbNumber'];
  if (mode.startsWith('road')) return ['cmrNumber'];
  return ['mblNumber', 'hblNumber'];
}

/**
 * Whether the job page shows a containers tab: air freight travels in ULDs the airline loads, not
 * in the forwarder's containers (a job already holding some still shows them).
 */
export function carriesContainers(job: { mode: TransportMode; containers: readonly unknown[] }): boolean {
  return !job.mode.startsWith('air') || job.containers.length > 0;
}

/** Now in the browser's time zone as a `datetime-local` value (the milestone's default date). */
export function nowLocalInput(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
