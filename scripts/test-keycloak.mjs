#!/usr/bin/env node
// The conformance suites against a running real Keycloak (started by scripts/keycloak/test.sh,
// which exports OIDC_ISSUER_URL): the API's authentication and user-administration tests, the
// dev-IdP/Keycloak token parity test, and the browser identity journeys. Prints one summary line.
import { buildMissing } from './lib/build.mjs';
import { tally, vitestRun } from './lib/vitest-report.mjs';

const issuer = process.env.OIDC_ISSUER_URL;
if (!issuer) {
  console.error('OIDC_ISSUER_URL is not set: run this through scripts/keycloak/test.sh');
  process.exit(2);
}

const counts = tally();
const suite = async (label, args, env) =>
  counts.add(`${label} against Keycloak`, await vitestRun(label, args, env));

await buildMissing();
await suite(
  'api-auth',
  ['--project', 'api', 'src/auth', 'src/users', 'src/staff', 'src/common/records/assignment.test.ts'],
  { AUTH_TEST_ISSUER_URL: issuer },
);
await suite('token-parity', ['--project', 'idp', 'test/keycloak-parity.test.ts'], {
  KEYCLOAK_ISSUER_URL: issuer,
});
await suite('e2e-identity', ['--root', 'e2e', 'tests/admin/identity.e2e.ts'], {
  E2E_PORT: process.env.E2E_PORT ?? '3100',
});
counts.finish();
