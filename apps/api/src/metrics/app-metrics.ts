import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../database/database.types.js';

/** Label of requests no route matched (404s, the SPA fallback): keeps the label set bounded. */
export const UNMATCHED_ROUTE = 'unmatched';

// Seconds; from a cached read (5 ms) to a slow quote PDF or a queued burst on the pool (10 s).
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Process metrics (CPU, memory, event loop lag, GC) describe the process, not one app: they are
 * registered once per process. Tests start many apps in one process, and each registration adds a
 * GC observer and an event-loop monitor that live as long as the process.
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The metrics of one API instance: the HTTP request duration histogram (labelled by route
 * *pattern*, never the raw URL, so ids do not make the label set grow without bound) and, on
 * PostgreSQL, the pool's connections and the queries waiting for one.
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly authFailures = new Counter({
    name: 'velosi_auth_failures_total',
    help: 'Refused authentications, by reason (see authFailureReason in metrics.module.ts).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly queryDuration = new Histogram({
    name: 'velosi_db_query_duration_seconds',
    help: 'Duration of PostgreSQL queries of this instance, by leading SQL keyword (select, insert, …, other).',
    labelNames: ['operation'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly businessEvents = new Counter({
    name: 'velosi_business_events_total',
    help: 'Audited business writes of this instance, by entity and action (e.g. quote/create, quote/send, quote/accept).',
    labelNames: ['entity', 'action'] as const,
    registers: [this.registry],
  });

  countAuthFailure(reason: string): void {
    this.authFailures.inc({ reason });
  }

  observeQuery(operation: string, seconds: number): void {
    this.queryDuration.observe({ operation }, seconds);
  }

  /** Counted when the audit row is written, i.e. inside the business transaction. */
  countBusinessEvent(entity: string, action: string): void {
    this.businessEvents.inc({ entity, action });
  }

  /** `route` is the matched pattern (`/api/leads/:id`) or undefined when nothing matched. */
  observeRequest(method: string, route: string | undefined, statusCode: number, seconds: number): void {
    this.requestDuration
      .labels({ method, route: route ?? UNMATCHED_ROUTE, status_code: String(statusCode) })
      .observe(seconds);
  }

  /** Gauges read from the pool at scrape time (nothing to update on the request path). */
  watchPool(pool: PoolStats): void {
    new Gauge({
      name: 'velosi_db_pool_connections',
      help: 'Connections of the PostgreSQL pool of this instance, by state (idle or in use).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      },
    });
    new Gauge({
      name: 'velosi_db_pool_waiting_clients',
      help: 'Queries waiting for a free connection of the PostgreSQL pool (saturation; see DATABASE_POOL_SIZE).',
      registers: [this.registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition of the process and instance metrics. */
  render(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }
}
