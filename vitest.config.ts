import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One Vitest run over the workspaces that have unit/integration tests. Each project keeps its
// own config file next to its code; the browser e2e suite runs separately (npm run test:e2e).
export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/api', 'apps/idp', 'apps/web'],
    // One file more than there are cores. The integration files mostly wait (on PostgreSQL, the
    // IdP, HTTP, child processes), and Vitest's default (cores − 1) ran them one at a time on a
    // 2-core machine: the whole run took 2166 s on one worker and 1426 s on three, on the same
    // machine (which other work was loading during both runs).
    maxWorkers: availableParallelism() + 1,
  },
});
