import { defineConfig } from 'vitest/config';

// Browser journeys share one running stack (started in globalSetup) and one browser, so they run
// in a single worker, one file after another.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
