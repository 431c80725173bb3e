import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { TestProject } from 'vitest/node';
import { API_DIR } from '../services/processes.js';

declare module 'vitest' {
  interface ProvidedContext {
    /** tsc's output when building dist failed, else null (see requireBuiltApi). */
    apiBuildError: string | null;
  }
}

/**
 * Some tests run the built API as real child processes (two instances migrating at once, SIGTERM,
 * bad configuration). Build dist once per run so they never exercise stale code; tsc is
 * incremental, so an unchanged tree costs a few seconds. A failed build fails those tests only:
 * the in-process tests (transformed by Vitest, not tsc) still run and report.
 */
export default function buildApi(project: TestProject): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: API_DIR,
    encoding: 'utf8',
  });
  const failed = result.status !== 0;
  if (failed) process.stderr.write(`apps/api build failed:\n${result.stdout}${result.stderr}\n`);
  project.provide('apiBuildError', failed ? `${result.stdout}${result.stderr}`.trim() : null);
}
