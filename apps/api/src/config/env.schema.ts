import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// The built SPA sits beside this workspace (apps/web/dist/browser). This file is two folders below
// apps/api both as source (src/config) and built (dist/config), so one relative URL serves both.
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist/browser', import.meta.url));
const DEFAULT_ISSUER_URL = 'http://localhost:8080/realms/ERP_Velosi';

function wholeNumber(min: number, max: number, expected: string) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, expected)
    .transform(Number)
    .refine((n) => n >= min && n <= max, expected);
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` });
}

const port = wholeNumber(0, 65535, 'expected a port number');

const flag = z
  .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1');

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/**
 * Every environment variable the API reads, with its default. Values arrive as strings; an empty
 * string counts as unset (see loadConfig), so `FOO=` in a compose file means "use the default".
 */
export const EnvSchema = z.object({
  NODE_ENV: oneOf(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// URL' }).optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 1000, 'expected a whole number from 1 to 1000').default(10),
  PGLITE_DATA_DIR: z.string().default('.data/pglite'),
  // Off when a release step runs `npm run db:migrate` before the instances start.
  MIGRATE_ON_START: flag.default(true),
  WEB_DIST_DIR: z.string().default(DEFAULT_WEB_DIST_DIR),
  OIDC_ISSUER_URL: httpUrl.default(DEFAULT_ISSUER_URL),
  PUBLIC_ISSUER_URL: httpUrl.optional(),
  OIDC_WEB_CLIENT_ID: z.string().min(1).default('velosi_web'),
});
export type Env = z.infer<typeof EnvSchema>;

/** Variables whose value must never be echoed back in an error message. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['DATABASE_URL']);
