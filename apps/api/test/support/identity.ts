import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startIdp, type RunningIdp } from '../../../idp/src/server.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** Dev secret of velosi_auth; the realm placeholder's default and the API's dev default agree on it. */
export const DEV_AUTH_SECRET = 'velosi-auth-dev-secret';

/** Demo users of the dev overlay (deploy/keycloak/dev), present in both the dev IdP and Keycloak. */
export const DEMO = {
  admin: { username: 'admin', password: 'Admin#Velosi2026' },
  commercial1: { username: 'commercial1', password: 'Commercial1#2026' },
  commercial2: { username: 'commercial2', password: 'Commercial2#2026' },
  finance1: { username: 'finance1', password: 'Finance1#2026' },
  ops1: { username: 'ops1', password: 'Ops1#Velosi2026' },
} as const;

export interface IdentityTarget {
  kind: 'dev-idp' | 'keycloak';
  issuer: string;
  /** Env for createApp pointing the API at this issuer. */
  env: Record<string, string>;
  /** Only the dev IdP can rotate its keys on demand. */
  rotateKeys?: () => Promise<string>;
  close(): Promise<void>;
}

/**
 * The identity provider a test file runs against: real Keycloak when AUTH_TEST_ISSUER_URL is set
 * (e.g. http://localhost:8180/realms/ERP_Velosi, started by scripts/keycloak/run.sh), otherwise a
 * fresh dev IdP on an ephemeral port with the repo's realm files and a temp data dir.
 */
export async function startIdentity(): Promise<IdentityTarget> {
  const external = process.env.AUTH_TEST_ISSUER_URL;
  if (external) {
    const issuer = external.replace(/\/+$/, '');
    const secret = process.env.AUTH_TEST_CLIENT_SECRET ?? DEV_AUTH_SECRET;
    return {
      kind: 'keycloak',
      issuer,
      env: { OIDC_ISSUER_URL: issuer, OIDC_AUTH_CLIENT_SECRET: secret },
      close: async () => undefined,
    };
  }
  return startDevIdp();
}

/** Always a fresh dev IdP (also used as "a second, foreign IdP" by the guard tests). */
export async function startDevIdp(): Promise<IdentityTarget> {
  const dataDir = await mkdtemp(join(tmpdir(), 'velosi-api-idp-'));
  let idp: RunningIdp;
  try {
    idp = await startIdp({
      dataDir,
      realmFile: join(REPO, 'deploy/keycloak/realm-ERP_Velosi.json'),
      usersFile: join(REPO, 'deploy/keycloak/dev/ERP_Velosi-users-0.json'),
      port: 0,
      env: { VELOSI_WEB_URL: 'http://localhost:3000', VELOSI_AUTH_CLIENT_SECRET: DEV_AUTH_SECRET },
    });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    kind: 'dev-idp',
    issuer: idp.issuer,
    env: { OIDC_ISSUER_URL: idp.issuer, OIDC_AUTH_CLIENT_SECRET: DEV_AUTH_SECRET },
    rotateKeys: () => idp.rotateKeys(),
    close: async () => {
      await idp.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Real PostgreSQL for the test's API when the run sets DATABASE_URL, else PGlite (startTestApp). */
export function databaseEnv(): Record<string, string> {
  return process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {};
}
