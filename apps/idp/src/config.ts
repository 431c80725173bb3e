import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { IdpOptions } from './server.js';

/** Repository root, found from this file (apps/idp/{src,dist}/config.*). */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const EnvSchema = z.object({
  IDP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  IDP_HOST: z.string().min(1).default('127.0.0.1'),
  IDP_PUBLIC_URL: z.url().optional(),
  IDP_DATA_DIR: z.string().min(1).default('.data/idp'),
  IDP_REALM_FILE: z.string().min(1).default(resolve(REPO_ROOT, 'deploy/keycloak/realm-ERP_Velosi.json')),
  /** Empty string = no demo users. */
  IDP_USERS_FILE: z.string().default(resolve(REPO_ROOT, 'deploy/keycloak/dev/ERP_Velosi-users-0.json')),
});

export function readConfig(env: NodeJS.ProcessEnv): IdpOptions {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid IdP configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const config = parsed.data;
  return {
    port: config.IDP_PORT,
    host: config.IDP_HOST,
    publicUrl: config.IDP_PUBLIC_URL ?? `http://localhost:${config.IDP_PORT}`,
    dataDir: resolve(config.IDP_DATA_DIR),
    realmFile: resolve(config.IDP_REALM_FILE),
    usersFile: config.IDP_USERS_FILE ? resolve(config.IDP_USERS_FILE) : undefined,
    env,
  };
}
