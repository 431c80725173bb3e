// Where the local stack lives (ports, data directory, issuer) and the environment of its dev identity
// provider: shared by `npm start` and `npm run seed:demo`, so both use the same database and IdP.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './build.mjs';

/**
 * Node flags of the API process, wherever it runs (npm start, benchmarks; deploy/api/Dockerfile sets
 * the same through NODE_OPTIONS): an 8 MB young-generation semi-space instead of V8's default sized
 * from the machine's memory, most of the API's idle footprint (bench/RESULTS.md).
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=8'];

export function stackSettings(env = process.env) {
  const port = Number(env.PORT ?? 3000);
  const idpPort = Number(env.IDP_PORT ?? 8080);
  const dataDir = resolve(ROOT, env.VELOSI_DATA_DIR ?? '.data');
  const externalIssuer = env.OIDC_ISSUER_URL;
  const idpBase = `http://localhost:${idpPort}`;
  const appUrl = `http://localhost:${port}`;
  return {
    port,
    dataDir,
    appUrl,
    // With an external issuer (e.g. real Keycloak) the dev IdP is not started.
    withIdp: !externalIssuer && existsSync(join(ROOT, 'apps/idp/package.json')),
    issuer: externalIssuer ?? `${idpBase}/realms/ERP_Velosi`,
    pgliteDir: env.PGLITE_DATA_DIR ?? join(dataDir, 'pglite'),
    common: { NODE_ENV: env.NODE_ENV ?? 'development' },
    idpEnv: {
      NODE_ENV: env.NODE_ENV ?? 'development',
      IDP_PORT: String(idpPort),
      IDP_PUBLIC_URL: idpBase,
      IDP_DATA_DIR: join(dataDir, 'idp'),
      VELOSI_WEB_URL: env.VELOSI_WEB_URL ?? appUrl,
    },
  };
}

/** True when url answers 2xx right now. */
export async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/**
 * The demo logins of the DEV ONLY realm overlay (deploy/keycloak/dev), read from the file the dev
 * IdP and Keycloak import, so the banner of `npm start` and the browser tests never disagree with it.
 */
export function demoLogins() {
  const file = join(ROOT, 'deploy/keycloak/dev/ERP_Velosi-users-0.json');
  const { users } = JSON.parse(readFileSync(file, 'utf8'));
  return Object.fromEntries(
    users.map((user) => [user.username, user.credentials?.find((c) => c.type === 'password')?.value ?? '']),
  );
}
