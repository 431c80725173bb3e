import { Inject, Injectable } from '@nestjs/common';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';

export interface HealthCheck {
  /** Key in the readiness report, e.g. `database`, `idpKeys`. */
  name: string;
  /** Resolves when the dependency is usable; rejects (or times out) when it is not. */
  check(): Promise<void>;
  timeoutMs?: number;
}

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, CheckStatus>;
  /** Why a check is down: an error code, never a connection string or stack. */
  reasons?: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 2_000;

/**
 * Readiness is the sum of the checks other modules register (the database now, IdP keys later):
 * each module knows how to probe what it owns; health only runs them side by side.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  constructor(@Inject(APP_LOGGER) private readonly logger: AppLogger) {}

  register(check: HealthCheck): void {
    if (this.checks.has(check.name)) throw new Error(`health check "${check.name}" registered twice`);
    this.checks.set(check.name, check);
  }

  async readiness(): Promise<ReadinessReport> {
    const results = await Promise.all(
      [...this.checks.values()].map(async (c) => ({ name: c.name, error: await failureOf(c) })),
    );
    const checks: Record<string, CheckStatus> = {};
    const reasons: Record<string, string> = {};
    for (const { name, error } of results) {
      checks[name] = error === undefined ? 'up' : 'down';
      if (error === undefined) continue;
      reasons[name] = reasonOf(error);
      this.logger.warn({ check: name, err: error }, 'readiness check failed');
    }
    return Object.keys(reasons).length === 0
      ? { status: 'ok', checks }
      : { status: 'error', checks, reasons };
  }
}

async function failureOf(check: HealthCheck): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), check.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return undefined;
  } catch (error) {
    return error ?? new Error('check failed');
  } finally {
    clearTimeout(timer);
  }
}

class CheckTimeout extends Error {
  readonly code = 'TIMEOUT';
}

// Network and PostgreSQL errors carry a short code (ECONNREFUSED, 57P01), possibly under a wrapper's
// `cause` (drizzle wraps driver errors); that is enough for an operator reading the probe, the full
// error goes to the log.
function reasonOf(error: unknown): string {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    if ('code' in e && typeof e.code === 'string') return e.code;
    e = 'cause' in e ? e.cause : undefined;
  }
  return 'unavailable';
}
