import path from 'node:path';
import { z } from 'zod';
import {
  DEV_AUTH_CLIENT_SECRET,
  EnvSchema,
  productionGaps,
  SECRET_VARIABLES,
  type Env,
  type RawEnv,
} from './env.schema.js';
import type { BudgetSize } from '../common/rate-limit/budget.js';
import { mailConfigFrom, type MailConfig } from '../mail/mail-config.js';

export type DatabaseConfig =
  { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };

/** The validated, typed configuration the rest of the API reads (never process.env directly). */
export interface AppConfig {
  nodeEnv: Env['NODE_ENV'];
  /** trustProxy: behind Railway's/a load balancer's proxy, client IPs come from X-Forwarded-For. */
  http: {
    host: string;
    port: number;
    trustProxy: boolean | number | string[];
    requestTimeoutSeconds: number;
    maxConnections: number;
  };
  logLevel: Env['LOG_LEVEL'];
  database: DatabaseConfig;
  migrateOnStart: boolean;
  web: { distDir: string; issuerUrl: string; clientId: string };
  auth: AuthConfig;
  /** Request budgets (429 + Retry-After once spent), shared through Redis when configured. */
  rateLimits: Record<'ip' | 'user' | 'documents' | 'publicLinks', BudgetSize>;
  /** Absent → in-process stores (single instance). */
  redis: { url: string; keyPrefix: string } | undefined;
  mail: MailConfig;
  /** Bearer token of GET /metrics; absent → open outside production, disabled in production. */
  metrics: { token: string | undefined };
  /** Reminder and e-mail sweep period; 0 = off (notifications/notification-scheduler.ts). */
  notifications: { intervalSeconds: number };
  /** Stamp duty (timbre fiscal) per invoice, TND. */
  invoices: { stampDutyTnd: string };
}

export interface AuthConfig {
  /** Issuer the API trusts; pinned, never read from a token. */
  issuerUrl: string;
  audience: string;
  clientId: string;
  clientSecret: string;
  /** Clients of the realm whose access tokens the API accepts (`azp`): the ERP's own two. */
  authorizedParties: string[];
  jwksCooldownSeconds: number;
  /** Verified tokens remembered per instance; 0 verifies the signature on every request (bench). */
  tokenCacheSize: number;
  loginRateLimit: { points: number; seconds: number };
  /** Failed logins per client address across usernames. */
  loginIpRateLimit: { points: number; seconds: number };
  /** Seconds a revocation (logout, disabled user, role change) is kept: ≥ access-token lifetime. */
  revocationTtlSeconds: number;
}

/** A configuration that cannot start the API; its message names every offending variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const MEMORY_DATA_DIR = 'memory://';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = pickDefined(env);
  const parsed = EnvSchema.safeParse(raw);
  const gaps = productionGaps(raw);
  if (!parsed.success || gaps.length) throw new ConfigError(describeIssues(parsed.error, gaps, raw));
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      trustProxy: e.TRUST_PROXY,
      requestTimeoutSeconds: e.HTTP_REQUEST_TIMEOUT_SECONDS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolveDataDir(e.PGLITE_DATA_DIR) },
    migrateOnStart: e.MIGRATE_ON_START,
    web: {
      distDir: path.resolve(e.WEB_DIST_DIR),
      issuerUrl: e.PUBLIC_ISSUER_URL ?? e.OIDC_ISSUER_URL,
      clientId: e.OIDC_WEB_CLIENT_ID,
    },
    auth: {
      issuerUrl: e.OIDC_ISSUER_URL.replace(/\/+$/, ''),
      audience: e.OIDC_AUDIENCE,
      clientId: e.OIDC_AUTH_CLIENT_ID,
      // The schema refuses a missing secret in production, so the dev default only fills dev/test.
      clientSecret: e.OIDC_AUTH_CLIENT_SECRET ?? DEV_AUTH_CLIENT_SECRET,
      authorizedParties: [e.OIDC_AUTH_CLIENT_ID, e.OIDC_WEB_CLIENT_ID],
      jwksCooldownSeconds: e.OIDC_JWKS_COOLDOWN_SECONDS,
      tokenCacheSize: e.AUTH_TOKEN_CACHE_SIZE,
      loginRateLimit: e.AUTH_LOGIN_RATE_LIMIT,
      loginIpRateLimit: e.AUTH_LOGIN_IP_RATE_LIMIT,
      revocationTtlSeconds: e.AUTH_REVOCATION_TTL_SECONDS,
    },
    rateLimits: {
      ip: e.API_IP_RATE_LIMIT,
      user: e.API_USER_RATE_LIMIT,
      documents: e.API_DOCUMENT_RATE_LIMIT,
      publicLinks: e.PUBLIC_LINK_RATE_LIMIT,
    },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    mail: mailConfigFrom(e),
    metrics: { token: e.METRICS_TOKEN },
    notifications: { intervalSeconds: e.NOTIFICATIONS_INTERVAL_SECONDS },
    invoices: { stampDutyTnd: e.INVOICE_STAMP_DUTY_TND },
  };
}

/** Only the variables the schema knows, with empty strings treated as unset. */
function pickDefined(env: NodeJS.ProcessEnv): RawEnv & Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  return picked;
}

// Relative data dirs are resolved against the working directory once, at start-up.
function resolveDataDir(dir: string): string {
  return dir.startsWith(MEMORY_DATA_DIR) ? dir : path.resolve(dir);
}

function describeIssues(
  error: z.ZodError | undefined,
  gaps: readonly [string, string][],
  raw: Record<string, string>,
): string {
  const complaints: [string, string][] = [
    ...(error?.issues ?? []).map((issue): [string, string] => [
      String(issue.path[0] ?? '(environment)'),
      issue.message,
    ]),
    ...gaps,
  ];
  const byVariable = new Map<string, string>();
  for (const [key, message] of complaints) {
    if (byVariable.has(key)) continue; // first complaint per variable is enough
    const value = raw[key];
    const got =
      value === undefined ? ' (not set)' : SECRET_VARIABLES.has(key) ? '' : ` (got ${JSON.stringify(value)})`;
    byVariable.set(key, `${key}: ${message}${got}`);
  }
  return `Invalid configuration: ${[...byVariable.values()].join('; ')}`;
}
