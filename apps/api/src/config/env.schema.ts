import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// The built SPA sits beside this workspace (apps/web/dist/browser). This file is two folders below
// apps/api both as source (src/config) and built (dist/config), so one relative URL serves both.
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist/browser', import.meta.url));
const DEFAULT_ISSUER_URL = 'http://localhost:8080/realms/ERP_Velosi';
/** Dev-only secret of the velosi_auth client (the dev realm's placeholder default); never accepted in production. */
export const DEV_AUTH_CLIENT_SECRET = 'velosi-auth-dev-secret';

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

/**
 * Which X-Forwarded-For hops to believe: `false`; a hop count (`2` = Railway's edge + the web
 * container: the address the edge saw is the client); or the proxies' addresses/CIDRs, comma
 * separated. `true` believes every hop, so the client can write its own address into the header:
 * kept for compatibility, but it defeats per-address limits (see deploy/README.md).
 */
const trustProxy = z
  .string()
  .trim()
  .regex(/^(true|false|[0-9]{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
    error: 'expected false, true, a hop count (e.g. 2) or proxy addresses/CIDRs separated by commas',
  })
  .transform((v): boolean | number | string[] => {
    if (v === 'true' || v === 'false') return v === 'true';
    if (/^[0-9]{1,2}$/.test(v)) return Number(v);
    return v.split(',').map((part) => part.trim());
  });

// "<attempts>/<seconds>", e.g. 5/300 = five failed logins per IP+username within five minutes.
const rateLimit = z
  .string()
  .trim()
  .regex(/^\d{1,7}\/\d{1,6}$/, 'expected <attempts>/<seconds>, e.g. 5/300')
  .transform((v) => {
    const [points, seconds] = v.split('/').map(Number) as [number, number];
    return { points, seconds };
  })
  .refine((v) => v.points >= 1 && v.seconds >= 1, 'expected <attempts>/<seconds>, e.g. 5/300');

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

/**
 * Every environment variable the API reads, with its default. Values arrive as strings; an empty
 * string counts as unset (see loadConfig), so `FOO=` in a compose file means "use the default".
 */
export const EnvSchema = z
  .object({
    NODE_ENV: oneOf(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port.default(3000),
    // Only behind a reverse proxy that sets X-Forwarded-For (else clients could spoof their IP).
    TRUST_PROXY: trustProxy.default(false),
    // A request (headers and body) must arrive within this time, so slow-body clients cannot hold
    // sockets open; and no more than this many connections at once per instance.
    HTTP_REQUEST_TIMEOUT_SECONDS: wholeNumber(
      1,
      600,
      'expected a whole number of seconds from 1 to 600',
    ).default(30),
    HTTP_MAX_CONNECTIONS: wholeNumber(10, 100_000, 'expected a whole number from 10 to 100000').default(1000),
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
    // Access tokens must list this audience (Keycloak's audience mapper adds it).
    OIDC_AUDIENCE: z.string().min(1).default('velosi-api'),
    // Confidential client used for /api/auth/login|refresh|logout and the Admin REST API.
    OIDC_AUTH_CLIENT_ID: z.string().min(1).default('velosi_auth'),
    OIDC_AUTH_CLIENT_SECRET: z.string().min(1).optional(),
    // Minimum time between two JWKS downloads triggered by an unknown `kid` (jose cooldownDuration).
    OIDC_JWKS_COOLDOWN_SECONDS: wholeNumber(1, 3600, 'expected 1 to 3600 seconds').default(30),
    // Enough for every active user several times over, small enough to bound memory (~10 MB).
    AUTH_TOKEN_CACHE_SIZE: wholeNumber(0, 1_000_000, 'expected 0 to 1000000 entries').default(10_000),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'expected a redis:// URL' }).optional(),
    // Prefix of every Redis key, so several environments can share one Redis.
    REDIS_KEY_PREFIX: z.string().min(1).max(100).default('velosi:'),
    AUTH_LOGIN_RATE_LIMIT: rateLimit.default({ points: 5, seconds: 300 }),
    // Failed logins per client address, whatever the usernames: one address cannot walk a list.
    AUTH_LOGIN_IP_RATE_LIMIT: rateLimit.default({ points: 30, seconds: 300 }),
    // Requests per client address on /api, whatever the user (an office behind one NAT shares it).
    API_IP_RATE_LIMIT: rateLimit.default({ points: 2000, seconds: 60 }),
    // Requests per signed-in user on /api; PDFs (rendering is the costly answer) have their own.
    API_USER_RATE_LIMIT: rateLimit.default({ points: 300, seconds: 60 }),
    API_DOCUMENT_RATE_LIMIT: rateLimit.default({ points: 30, seconds: 60 }),
    // Public quote links, per client address (no user there).
    PUBLIC_LINK_RATE_LIMIT: rateLimit.default({ points: 120, seconds: 60 }),
    // How long a logout, a disabled account or a role change is remembered against access tokens
    // issued before it: at least the realm's access-token lifespan (300 s) plus clock skew.
    AUTH_REVOCATION_TTL_SECONDS: wholeNumber(60, 86_400, 'expected 60 to 86400 seconds').default(900),
    // Outgoing e-mail (quotes sent to clients). SMTP_URL (smtp://user:pass@host:587, smtps:// for
    // implicit TLS) or SMTP_HOST + the parts; neither → .eml files in MAIL_OUTBOX_DIR (not in production).
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected an smtp:// or smtps:// URL' }).optional(),
    SMTP_HOST: z.string().trim().min(1).optional(),
    SMTP_PORT: port.default(587),
    // true = TLS from the first byte (port 465); false = plain then STARTTLS when the server offers it.
    SMTP_SECURE: flag.default(false),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    MAIL_FROM: z.string().trim().min(3).default('Velosi ERP <no-reply@velosi.local>'),
    MAIL_OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
    // `disabled`: no e-mail at all (sending answers 503). Production must say so explicitly when it
    // has no SMTP settings, so a forgotten SMTP_URL is a refusal to start, not a silent 503 later.
    MAIL_TRANSPORT: oneOf(['disabled']).optional(),
    // Base URL customers open the SPA at: links in e-mails (public quote `/q/<token>`) start with it.
    PUBLIC_WEB_URL: httpUrl.default('http://localhost:3000'),
    // How often each instance sweeps due reminders and pending notification e-mails; 0 = never
    // (tests run the sweep themselves). Several instances are safe: the database dedupes.
    NOTIFICATIONS_INTERVAL_SECONDS: wholeNumber(0, 86_400, 'expected 0 (off) to 86400 seconds').default(60),
    // Timbre fiscal added once per invoice (TND, 3 decimals); the law sets it, so it is configuration.
    INVOICE_STAMP_DUTY_TND: z
      .string()
      .regex(/^\d{1,3}\.\d{3}$/, 'expected an amount in TND with 3 decimals, e.g. 1.000')
      .default('1.000'),
    // Bearer token Prometheus must send to scrape GET /metrics. Unset: /metrics is open in
    // development/test and answers 404 in production (never open to the internet by default).
    METRICS_TOKEN: z
      .string()
      .min(16, 'expected at least 16 characters (e.g. `openssl rand -hex 32`)')
      .max(512, 'expected at most 512 characters')
      .regex(/^[\x21-\x7e]+$/, 'expected printable ASCII without spaces')
      .optional(),
  })
  // A production deployment with the public dev secret would let anyone mint admin-API tokens.
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.OIDC_AUTH_CLIENT_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_AUTH_CLIENT_SECRET'],
        message: 'required when NODE_ENV=production',
      });
    if (env.NODE_ENV === 'production' && env.OIDC_AUTH_CLIENT_SECRET === DEV_AUTH_CLIENT_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_AUTH_CLIENT_SECRET'],
        message: 'the dev secret is not allowed when NODE_ENV=production',
      });
  });
export type Env = z.infer<typeof EnvSchema>;

type EnvName = keyof typeof EnvSchema.shape;

/**
 * Variables production must set itself: their development defaults (embedded PGlite, the dev IdP
 * and the SPA on localhost, .eml files on the container's disk) would start an API that looks
 * healthy and serves nobody. Checked on the raw environment, before defaults are applied.
 */
const PRODUCTION_REQUIRED: readonly {
  name: EnvName;
  satisfied: (raw: RawEnv) => boolean;
  message: string;
}[] = [
  {
    name: 'DATABASE_URL',
    satisfied: (raw) => !!raw.DATABASE_URL,
    message: 'required when NODE_ENV=production (never the embedded PGlite)',
  },
  {
    name: 'OIDC_ISSUER_URL',
    satisfied: (raw) => !!raw.OIDC_ISSUER_URL,
    message: 'required when NODE_ENV=production (never the dev IdP on localhost)',
  },
  {
    name: 'PUBLIC_WEB_URL',
    satisfied: (raw) => !!raw.PUBLIC_WEB_URL,
    message: 'required when NODE_ENV=production (links in e-mails start with it)',
  },
  {
    name: 'SMTP_URL',
    satisfied: (raw) => !!(raw.SMTP_URL || raw.SMTP_HOST || raw.MAIL_TRANSPORT),
    message: 'required when NODE_ENV=production: set SMTP_URL (or SMTP_HOST), or MAIL_TRANSPORT=disabled',
  },
];

export type RawEnv = Partial<Record<EnvName, string>>;

/** `[variable, message]` for each production requirement the raw environment misses. */
export function productionGaps(raw: RawEnv): [EnvName, string][] {
  if (raw.NODE_ENV !== 'production') return [];
  return PRODUCTION_REQUIRED.filter((rule) => !rule.satisfied(raw)).map((rule) => [rule.name, rule.message]);
}

/** Variables whose value must never be echoed back in an error message. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'DATABASE_URL',
  'OIDC_AUTH_CLIENT_SECRET',
  'REDIS_URL', // may carry a password
  'SMTP_URL', // carries the SMTP password
  'SMTP_PASSWORD',
  'METRICS_TOKEN',
]);
