import type { TestProject } from 'vitest/node';
import { startIdentity } from '../identity.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Issuer every test API trusts unless a test sets OIDC_ISSUER_URL itself (see test-app.ts). */
    identityIssuer: string;
  }
}

/**
 * One identity provider for the whole run (the dev IdP, or real Keycloak with AUTH_TEST_ISSUER_URL),
 * so every API started by a test has reachable signing keys (readiness "identity") and business
 * tests can log in demo users. Auth tests that need an IdP of their own start one per file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const identity = await startIdentity();
  project.provide('identityIssuer', identity.issuer);
  return () => identity.close();
}
