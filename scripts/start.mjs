#!/usr/bin/env node
// `npm start`: builds what is missing, then runs the dev identity provider (port 8080) and the API
// (port 3000, serving the SPA at /) with embedded defaults. Ctrl-C stops both cleanly.
// `npm run dev` (--dev): the same services in watch mode plus the Angular dev server on 4200.
// Environment: PORT, IDP_PORT, VELOSI_DATA_DIR (default .data) and every API variable of the README.
// With OIDC_ISSUER_URL set to an external issuer (e.g. real Keycloak) the dev IdP is not started.
import { join } from 'node:path';
import { buildMissing, ROOT } from './lib/build.mjs';
import { run, stopAll, waitForHttp } from './lib/processes.mjs';
import { API_NODE_FLAGS, demoLogins, stackSettings } from './lib/stack.mjs';

const dev = process.argv.includes('--dev');
const { port, dataDir, appUrl, withIdp, issuer, pgliteDir, common, idpEnv } = stackSettings();

const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Velosi ERP…');
  await stopAll(children);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function watchChild(child, name) {
  child.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`${name} stopped unexpectedly (${code ?? signal}); stopping everything.`);
    void shutdown(code || 1);
  });
  children.push(child);
  return child;
}

const node = process.execPath;

/**
 * Arguments to run a workspace's built entry point. In dev mode the TypeScript compiler watches the
 * sources (tsc, because NestJS needs emitted decorator metadata) and node restarts on new output.
 */
function nodeArgs(dir) {
  const entry = join(ROOT, dir, 'dist/main.js');
  const flags = dir === 'apps/api' ? API_NODE_FLAGS : [];
  if (!dev) return [...flags, entry];
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  children.push(
    run('build', node, [tsc, '-w', '--preserveWatchOutput', '-p', join(ROOT, dir)], {
      cwd: ROOT,
      quiet: true,
    }),
  );
  return [...flags, '--watch', entry];
}

try {
  const started = Date.now();
  await buildMissing(dev ? { only: ['contracts', 'api', 'idp'] } : undefined);

  if (withIdp) {
    const idp = watchChild(
      run('idp', node, nodeArgs('apps/idp'), { cwd: ROOT, env: idpEnv }),
      'identity provider',
    );
    await waitForHttp(`${issuer}/.well-known/openid-configuration`, { child: idp });
  }

  const apiEnv = {
    ...common,
    PORT: String(port),
    PGLITE_DATA_DIR: pgliteDir,
    MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR ?? join(dataDir, 'outbox'),
    // Links in e-mails (public quote pages) must point at this instance.
    PUBLIC_WEB_URL: process.env.PUBLIC_WEB_URL ?? appUrl,
    OIDC_ISSUER_URL: issuer,
  };
  // The API runs from the repo root so relative data paths land in ./.data.
  const api = watchChild(run('api', node, nodeArgs('apps/api'), { cwd: ROOT, env: apiEnv }), 'API');
  await waitForHttp(`${appUrl}/health/ready`, { child: api, timeoutMs: 120_000 });

  if (dev) {
    watchChild(run('web', 'npm', ['start', '-w', 'apps/web'], { cwd: ROOT }), 'web dev server');
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Velosi ERP is running (ready in ${seconds} s)
    Application     ${dev ? 'http://localhost:4200 (live reload)' : appUrl}
    API             ${appUrl}/api   (health: ${appUrl}/health/ready)
    Identity        ${issuer}${withIdp ? '   (dev identity provider)' : ''}
    Data            ${dataDir}
${
  withIdp
    ? `  Demo logins (development only):
    ${Object.entries(demoLogins())
      .map(([username, password]) => `${username} / ${password}`)
      .join(' · ')}
`
    : ''
}  Press Ctrl-C to stop.
`);
} catch (error) {
  console.error(`Could not start Velosi ERP: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
