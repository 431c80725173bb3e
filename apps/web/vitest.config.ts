import { defineConfig } from 'vitest/config';

// Unit specs of the SPA's plain TypeScript (form models, parsing, URL state, the permission-driven
// menu): no browser and no TestBed. Angular's packages are partially compiled, so the JIT compiler
// is loaded first (src/test-setup.ts). Components are exercised by the browser journeys in e2e/.
export default defineConfig({
  test: { name: 'web', include: ['src/**/*.spec.ts'], setupFiles: ['src/test-setup.ts'] },
});
