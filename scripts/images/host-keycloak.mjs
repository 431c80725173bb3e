// The Keycloak image on this host: deploy/keycloak/Dockerfile's own steps (kc.sh build with the
// image's build options, the realm file and entry point copied in) run against the Keycloak
// distribution that scripts/keycloak/fetch.sh unpacks — the same content as the upstream image's
// /opt/keycloak — then the image's ENTRYPOINT + CMD (`start --optimized --import-realm`) start on a
// throw-away PostgreSQL database. Checked: the entry point refuses a missing secret, the image's
// HEALTHCHECK command answers, the realm was imported with the secret from the environment.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../lib/build.mjs';
import { freePort, waitForHttp } from '../lib/processes.mjs';
import { buildDockerfile, mapImagePaths } from './dockerfile.mjs';

const IMAGE_HOME = '/opt/keycloak';
const REALM = 'ERP_Velosi';
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** A value of scripts/keycloak/env.sh (KC_HOME, the JDK it picks), so both scripts agree. */
function keycloakEnv(expression) {
  return execFileSync('bash', ['-c', `source scripts/keycloak/env.sh && ${expression}`], {
    cwd: ROOT,
    encoding: 'utf8',
  }).trim();
}

/** JSON array form of an instruction's arguments (`["a", "b"]`) as a list. */
const execForm = (text) => JSON.parse(text);

/**
 * Builds and starts the Keycloak image; pushes lines to `report` and the started process to
 * `children`. `database` is created and dropped by the caller (`createDatabase` returns its JDBC URL).
 */
export async function checkKeycloak({ work, report, children, createDatabase, env: baseEnv }) {
  const kcHome = keycloakEnv('echo "$KC_HOME"');
  if (!existsSync(join(kcHome, 'bin/kc.sh'))) {
    throw new Error(`no Keycloak distribution in ${kcHome}: run scripts/keycloak/fetch.sh first`);
  }
  const javaHome = keycloakEnv('kc_pick_java_home');
  const env = {
    ...baseEnv,
    PATH: `${javaHome}/bin:${baseEnv.PATH}`,
    JAVA_HOME: javaHome,
    JAVA_OPTS_KC_HEAP: '-Xms256m -Xmx768m',
  };

  const t = performance.now();
  const stages = buildDockerfile({
    dockerfile: join(ROOT, 'deploy/keycloak/Dockerfile'),
    contextDir: join(ROOT, 'deploy/keycloak'),
    workDir: join(work, 'keycloak'),
    bases: {
      'quay.io/keycloak/keycloak': (root) =>
        cpSync(kcHome, join(root, IMAGE_HOME), { recursive: true, verbatimSymlinks: true }),
    },
    imagePaths: [IMAGE_HOME],
    env,
  });
  const image = stages.final;
  report.push(`keycloak: Dockerfile steps (kc.sh build) ${seconds(t)}`);
  if (existsSync(join(image.root, IMAGE_HOME, 'data/import/dev')))
    throw new Error('the dev overlay reached the image');

  const imageCommand = [...execForm(image.entrypoint), ...execForm(image.cmd)].map((part) =>
    mapImagePaths(part, [IMAGE_HOME], image.root),
  );
  const [command, ...args] = imageCommand;

  // The entry point's guard: without the client secret it stops before Keycloak starts.
  const refused = spawnSync(command, args, { env: { ...env, ...image.env }, encoding: 'utf8' });
  if (refused.status === 0 || !refused.stderr.includes('VELOSI_AUTH_CLIENT_SECRET must be set')) {
    throw new Error(`the entry point started without VELOSI_AUTH_CLIENT_SECRET: ${refused.stderr}`);
  }
  report.push('keycloak: entry point refuses a missing VELOSI_AUTH_CLIENT_SECRET');

  const [port, managementPort] = [await freePort(), await freePort()];
  const secret = randomBytes(36).toString('base64url');
  const base = `http://localhost:${port}`;
  const runEnv = {
    ...env,
    ...image.env,
    KC_DB_URL: createDatabase(),
    KC_DB_USERNAME: process.env.PGUSER ?? 'postgres',
    KC_HTTP_ENABLED: 'true',
    KC_HTTP_PORT: String(port),
    KC_HTTP_MANAGEMENT_PORT: String(managementPort),
    KC_HOSTNAME: base,
    KC_BOOTSTRAP_ADMIN_USERNAME: 'bootstrap-admin',
    KC_BOOTSTRAP_ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
    VELOSI_AUTH_CLIENT_SECRET: secret,
    VELOSI_WEB_URL: 'https://erp.example.test',
  };
  const t2 = performance.now();
  const log = join(work, 'keycloak.log');
  const keycloak = spawn(command, args, {
    env: runEnv,
    stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')],
  });
  keycloak.exited = new Promise((resolve) =>
    keycloak.on('exit', (code, signal) => resolve({ code, signal })),
  );
  children.push(keycloak);
  try {
    await waitUntilServing({ keycloak, image, managementPort, base, secret, report, started: t2 });
  } catch (error) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${error.message}\n--- Keycloak log (last lines)\n${tail}`, { cause: error });
  }
}

async function waitUntilServing({ keycloak, image, managementPort, base, secret, report, started: t2 }) {
  // The image's HEALTHCHECK command, pointed at this run's management port.
  const healthcheck = execForm(image.healthcheck.slice(image.healthcheck.indexOf('CMD ') + 4));
  const [shell, ...shellArgs] = healthcheck.map((part) =>
    part.replaceAll('127.0.0.1/9000', `127.0.0.1/${managementPort}`),
  );
  const deadline = Date.now() + 180_000;
  while (spawnSync(shell, shellArgs, { timeout: 5_000 }).status !== 0) {
    const exited = await Promise.race([
      keycloak.exited,
      new Promise((r) => setTimeout(() => r(null), 1_000)),
    ]);
    if (exited) throw new Error(`Keycloak exited (${exited.code ?? exited.signal}) before it was ready`);
    if (Date.now() > deadline) throw new Error('Keycloak not ready after 180 s');
  }
  report.push(
    `keycloak: HEALTHCHECK (/health/ready UP) after ${seconds(t2)} (start --optimized --import-realm)`,
  );

  const issuer = `${base}/realms/${REALM}`;
  await waitForHttp(`${issuer}/.well-known/openid-configuration`, { timeoutMs: 30_000, child: keycloak });
  const token = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'velosi_auth',
      client_secret: secret,
    }),
  });
  if (!token.ok) throw new Error(`velosi_auth client_credentials: ${token.status} ${await token.text()}`);
  report.push('keycloak: realm imported; velosi_auth accepts the secret given by the environment');
}
