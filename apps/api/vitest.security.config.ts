import { defineConfig } from 'vitest/config';

// The adversarial suite (`npm run test:security`): token attacks, the generated role matrix,
// fuzzing, resource limits, PostgreSQL faults, two instances. Separate from `npm test` because it
// owns a PostgreSQL cluster and runs for minutes; `.ci/run` runs it after `npm test`.
export default defineConfig({
  test: {
    name: 'security',
    include: ['test/security/**/*.test.ts'],
    globalSetup: ['test/support/setup/build.global-setup.ts', 'test/support/setup/identity.global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Files start API processes and a PostgreSQL cluster of their own: two at a time on 2 cores.
    maxWorkers: 2,
  },
});
