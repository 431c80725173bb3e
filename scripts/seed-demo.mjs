#!/usr/bin/env node
// `npm run seed:demo`: the demo data on demand, into the database `npm start` uses (the embedded one
// under .data, or DATABASE_URL). The seeder finds the demo commercials through the identity
// provider's Admin API, so the dev IdP is started for the run when it is not already up.
// Refused in production by the seeder itself.
import { join } from 'node:path';
import { buildMissing, ROOT } from './lib/build.mjs';
import { run, runToEnd, stopAll, waitForHttp } from './lib/processes.mjs';
import { answers, stackSettings } from './lib/stack.mjs';

const { appUrl, withIdp, issuer, pgliteDir, common, idpEnv } = stackSettings();
const children = [];

try {
  if (!process.env.DATABASE_URL && (await answers(`${appUrl}/health/live`))) {
    // PGlite is single-process: a second opener would corrupt the running API's database.
    throw new Error(
      `Velosi ERP is running on ${appUrl} and holds the embedded database. Stop it (Ctrl-C) and run ` +
        'this again. (An empty embedded database already receives the demo at its first start.)',
    );
  }
  await buildMissing({ only: ['contracts', 'api', 'idp'] });
  const wellKnown = `${issuer}/.well-known/openid-configuration`;
  if (withIdp && !(await answers(wellKnown))) {
    const idp = run('idp', process.execPath, [join(ROOT, 'apps/idp/dist/main.js')], {
      cwd: ROOT,
      env: idpEnv,
      quiet: true,
    });
    children.push(idp);
    await waitForHttp(wellKnown, { child: idp });
  }
  await runToEnd('api', process.execPath, [join(ROOT, 'apps/api/dist/demo/seed-demo.js')], {
    cwd: ROOT,
    env: { ...common, PGLITE_DATA_DIR: pgliteDir, OIDC_ISSUER_URL: issuer, LOG_LEVEL: 'warn' },
  });
} catch (error) {
  console.error(`Demo seed failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await stopAll(children);
}
