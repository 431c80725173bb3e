#!/usr/bin/env node
// The conformance suites against a running real Keycloak (started by scripts/keycloak/test.sh,
// which exports OIDC_ISSUER_URL): the API's authentication and user-administration tests, the
// dev-IdP/Keycloak token parity test, and the browser identity journeys. Prints one summary line.
import { buildMissing } from './lib/build.mjs';
import { vitestRun } from './lib/vitest-report.mjs';

const issuer = process.env.OIDC_ISSUER_URL;
if (!issuer) {
  console.error('OIDC_ISSUER_URL is not set: run this through scripts/keycloak/test.sh');
  process.exit(2);
}

async function suite(label, args, env) {
  const result = await vitestRun(label, args, env);
  console.log(
    `${label} against Keycloak: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`,
  );
  return result;
}

await buildMissing();
const results = [
  await suite(
    'api-auth',
    ['--project', 'api', 'src/auth', 'src/users', 'src/staff', 'src/common/records/assignment.test.ts'],
    { AUTH_TEST_ISSUER_URL: issuer },
  ),
  await suite('token-parity', ['--project', 'idp', 'test/keycloak-parity.test.ts'], {
    KEYCLOAK_ISSUER_URL: issuer,
  }),
  await suite('e2e-identity', ['--root', 'e2e', 'tests/identity.e2e.ts'], {
    E2E_PORT: process.env.E2E_PORT ?? '3100',
  }),
];
const total = results.reduce((a, r) => ({
  passed: a.passed + r.passed,
  failed: a.failed + r.failed,
  skipped: a.skipped + r.skipped,
}));
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
