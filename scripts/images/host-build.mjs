#!/usr/bin/env node
// Builds the API, web and Keycloak images' filesystems on this host from their Dockerfiles' own
// instructions (scripts/images/dockerfile.mjs), starts them as the images would start, and checks
// them: the API
// (production mode, on a throw-away PostgreSQL database, after the Railway pre-deploy migration
// command) answers /health/ready; nginx with the web image's rendered config serves the SPA with
// brotli/gzip and proxies /api and /health to that API; Keycloak (host-keycloak.mjs) starts
// optimized and imports the realm. Prints the sizes that make the images.
//
//   npx node scripts/images/host-build.mjs [api] [web] [keycloak]   (default: api web)
//
// HOST_BUILD_FULL=1 runs the toolchain stage (`build`: npm ci of the workspaces, ng build…) in the
// temporary directory too; by default that stage is the workspace itself, whose dist/ folders
// `npm run build` made with the same commands (CI's Build step just ran it). HOST_BUILD_KEEP=1
// keeps the temporary directory. PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres).
// OIDC_ISSUER_URL: the issuer the API uses (default: the dev IdP, started from apps/idp/dist).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from '../lib/build.mjs';
import { freePort, run, stopAll, waitForHttp } from '../lib/processes.mjs';
import { buildDockerfile } from './dockerfile.mjs';
import { checkKeycloak } from './host-keycloak.mjs';
import { checkWeb, startNginx } from './host-web.mjs';

const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['api', 'web'];
const full = process.env.HOST_BUILD_FULL === '1';
const work = mkdtempSync(join(tmpdir(), 'velosi-images-'));
chmodSync(work, 0o755); // nginx workers (nobody) read the SPA from here
const report = [];
const started = performance.now();
const children = [];
const nodePath = `${dirname(process.execPath)}:${process.env.PATH}`; // the pinned node first
const duMegabytes = (path) => execFileSync('du', ['-sm', path], { encoding: 'utf8' }).split('\t')[0];
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const pg = {
  host: process.env.PGHOST ?? '127.0.0.1',
  port: process.env.PGPORT ?? '5432',
  user: process.env.PGUSER ?? 'postgres',
};
const database = `velosi_images_${process.pid}`;
const keycloakDatabase = `${database}_keycloak`;
const databasesCreated = [];
const psql = (sql) =>
  execFileSync('psql', ['-h', pg.host, '-p', pg.port, '-U', pg.user, '-qAtc', sql, 'postgres'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });

/** The workspace standing for the `build` stage's filesystem (its /app). */
function workspaceAsBuildStage() {
  const root = join(work, 'build-from-workspace');
  if (!existsSync(root)) {
    mkdirSync(root);
    symlinkSync(ROOT, join(root, 'app'));
  }
  return { build: root };
}

function build(name) {
  const t = performance.now();
  const stages = buildDockerfile({
    dockerfile: join(ROOT, `deploy/${name}/Dockerfile`),
    contextDir: ROOT,
    workDir: join(work, name),
    skip: full ? {} : workspaceAsBuildStage(),
    env: {
      PATH: nodePath,
      CI: 'true',
      NPM_CONFIG_UPDATE_NOTIFIER: 'false',
      NPM_CONFIG_FUND: 'false',
      NPM_CONFIG_AUDIT: 'false',
    },
  });
  report.push(`${name}: Dockerfile steps ${seconds(t)}${full ? ' (toolchain stage included)' : ''}`);
  return stages.final;
}

async function startApi(image) {
  const app = join(image.root, image.workdir);
  report.push(`api: node_modules ${duMegabytes(join(app, 'node_modules'))} MB, /app ${duMegabytes(app)} MB`);
  let issuer = process.env.OIDC_ISSUER_URL;
  if (!issuer) {
    const idpPort = await freePort();
    const idp = run('idp', process.execPath, ['apps/idp/dist/main.js'], {
      cwd: ROOT,
      env: { IDP_PORT: String(idpPort), IDP_DATA_DIR: join(work, 'idp') },
      quiet: true,
    });
    children.push(idp);
    issuer = `http://localhost:${idpPort}/realms/ERP_Velosi`;
    await waitForHttp(`${issuer}/.well-known/openid-configuration`, { timeoutMs: 60_000, child: idp });
  }
  psql(`create database ${database}`);
  databasesCreated.push(database);
  const port = await freePort();
  // Only the image's environment and the service's variables: nothing of this shell leaks in.
  const env = {
    PATH: nodePath,
    ...image.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: `postgres://${pg.user}@${pg.host}:${pg.port}/${database}`,
    MIGRATE_ON_START: 'false',
    OIDC_ISSUER_URL: issuer,
    OIDC_AUTH_CLIENT_SECRET: randomBytes(24).toString('hex'),
    PUBLIC_WEB_URL: 'https://erp.example.test',
    MAIL_TRANSPORT: 'disabled',
    NOTIFICATIONS_INTERVAL_SECONDS: '0',
  };
  // Railway's pre-deploy command, run inside the image before the instances start.
  const [preDeploy] = JSON.parse(readFileSync(join(ROOT, 'deploy/railway/api.railway.json'), 'utf8')).deploy
    .preDeployCommand;
  const t = performance.now();
  execFileSync('bash', ['-c', preDeploy], { cwd: app, env, stdio: ['ignore', 'ignore', 'inherit'] });
  report.push(`api: pre-deploy \`${preDeploy}\` ${seconds(t)}`);
  const [command, ...args] = JSON.parse(image.cmd);
  const t2 = performance.now();
  const api = spawn(command, args, { cwd: app, env, stdio: ['ignore', 'ignore', 'inherit'] });
  api.exited = new Promise((resolve) => api.on('exit', (code, signal) => resolve({ code, signal })));
  children.push(api);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health/ready`, { timeoutMs: 90_000, child: api });
  report.push(`api: /health/ready 200 after ${seconds(t2)} (NODE_ENV=${env.NODE_ENV}, PostgreSQL)`);
  return { url, issuer };
}

try {
  let api;
  if (targets.includes('api')) api = await startApi(build('api'));
  if (targets.includes('web')) {
    const image = build('web');
    const html = join(image.root, 'usr/share/nginx/html');
    report.push(`web: html ${duMegabytes(html)} MB`);
    const apiUrl = api?.url ?? process.env.API_UPSTREAM;
    const web = await startNginx(image, work, { apiUrl, idpOrigin: api?.issuer });
    children.push(web.child);
    report.push(...(await checkWeb(web, html, { withApi: Boolean(apiUrl) })));
  }
  if (targets.includes('keycloak')) {
    await checkKeycloak({
      work,
      report,
      children,
      env: { PATH: process.env.PATH },
      createDatabase: () => {
        psql(`create database ${keycloakDatabase}`);
        databasesCreated.push(keycloakDatabase);
        return `jdbc:postgresql://${pg.host}:${pg.port}/${keycloakDatabase}`;
      },
    });
  }
  report.push(`total ${seconds(started)}`);
  console.log(`\n=== host image build: passed ===\n${report.join('\n')}`);
} catch (error) {
  console.error(`\n=== host image build: FAILED ===\n${report.join('\n')}\n${error.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await stopAll(children);
  for (const name of databasesCreated) psql(`drop database if exists ${name} with (force)`);
  if (process.env.HOST_BUILD_KEEP === '1') console.log(`kept ${work}`);
  else execFileSync('rm', ['-rf', work]); // faster than rmSync on the many small files of node_modules
}
