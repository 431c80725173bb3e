import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { inject } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/common/logger.js';

export interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  [key: string]: unknown;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<ephemeral port> */
  url: string;
  logs: LogLine[];
  /** Closes once; later calls return the same promise. */
  close(): Promise<void>;
}

/**
 * Request budgets out of the way: suites fire thousands of requests from one address and one user.
 * The files that test the budgets (common/rate-limit) set their own.
 */
export const UNLIMITED_BUDGETS = {
  API_IP_RATE_LIMIT: '1000000/60',
  API_USER_RATE_LIMIT: '1000000/60',
  API_DOCUMENT_RATE_LIMIT: '1000000/60',
} as const;

/** A listening API on port 0 whose JSON log lines are collected for assertions. */
export async function startTestApp(env: Record<string, string>, modules: Type[] = []): Promise<TestApp> {
  const logs: LogLine[] = [];
  const logger = createLogger(
    { logLevel: 'debug' },
    { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  );
  // The run's shared IdP (identity.global-setup.ts) unless the test points elsewhere.
  // The notification scheduler stays off: tests run its sweep themselves (runOnce).
  const defaults = {
    PGLITE_DATA_DIR: 'memory://',
    OIDC_ISSUER_URL: inject('identityIssuer'),
    NOTIFICATIONS_INTERVAL_SECONDS: '0',
    ...UNLIMITED_BUDGETS,
  };
  const app = await createApp({ ...defaults, ...env }, { logger, modules });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  let closing: Promise<void> | undefined;
  return { app, url: `http://127.0.0.1:${address.port}`, logs, close: () => (closing ??= app.close()) };
}

/** A postgres URL nobody listens on: the pool is lazy, so the app starts and readiness fails. */
export const UNREACHABLE_DATABASE_URL = 'postgres://postgres@127.0.0.1:1/velosi_unreachable';

/**
 * What production requires (see productionGaps), pointing at nothing real: for tests of production
 * behaviour that need no database (migrations off, so the lazy pool never connects).
 */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  // Not the dev secret: production refuses it (these APIs never log anyone in).
  OIDC_AUTH_CLIENT_SECRET: 'a-production-only-test-secret',
  DATABASE_URL: UNREACHABLE_DATABASE_URL,
  MIGRATE_ON_START: 'false',
  PUBLIC_WEB_URL: 'https://erp.example.test',
  MAIL_TRANSPORT: 'disabled',
} as const;
