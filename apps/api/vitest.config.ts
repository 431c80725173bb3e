import { defineConfig } from 'vitest/config';

// Vitest 5 transforms TypeScript with oxc, which honours `emitDecoratorMetadata` from tsconfig.json
// (Nest's constructor injection needs it), so no SWC plugin is required.
export default defineConfig({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    globalSetup: ['test/support/setup/build.global-setup.ts', 'test/support/setup/identity.global-setup.ts'],
    // On PostgreSQL, a query sent to a client already running one fails the test (pg@9 throws).
    setupFiles: ['test/support/setup/one-query-per-client.setup.ts'],
    // PGlite boots PostgreSQL in WASM (seconds on a busy machine); real child processes too.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
