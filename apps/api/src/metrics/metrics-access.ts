import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';

/**
 * Who may scrape GET /metrics. Secure by default: metrics reveal traffic, routes and capacity, so
 * production never serves them without a token. A token, when set, applies in every environment.
 */
export type MetricsAccess =
  | { mode: 'open' } // development/test without METRICS_TOKEN
  | { mode: 'token'; digest: Buffer } // METRICS_TOKEN set: `Authorization: Bearer <token>`
  | { mode: 'disabled' }; // production without METRICS_TOKEN: 404

export function metricsAccessFrom(config: Pick<AppConfig, 'nodeEnv' | 'metrics'>): MetricsAccess {
  const { token } = config.metrics;
  if (token) return { mode: 'token', digest: sha256(token) };
  return config.nodeEnv === 'production' ? { mode: 'disabled' } : { mode: 'open' };
}

/** Whether a scrape with this `Authorization` header may read the metrics. */
export function metricsVerdict(
  access: MetricsAccess,
  authorization: string | undefined,
): 'allowed' | 'unauthorized' | 'disabled' {
  if (access.mode !== 'token') return access.mode === 'open' ? 'allowed' : 'disabled';
  const presented = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  // Digests have the same length whatever was sent, so the comparison takes the same time for a
  // wrong token of any length and leaks neither the token nor its length.
  return presented !== undefined && timingSafeEqual(sha256(presented), access.digest)
    ? 'allowed'
    : 'unauthorized';
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
