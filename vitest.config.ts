import { defineConfig } from 'vitest/config';

// One Vitest run over the workspaces that have unit/integration tests. Each project keeps its
// own config file next to its code; the browser e2e suite runs separately (npm run test:e2e).
export default defineConfig({
  test: {
    projects: ['packages/contracts', 'apps/api', 'apps/idp', 'apps/web'],
  },
});
