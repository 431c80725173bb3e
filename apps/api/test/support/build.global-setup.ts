import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { API_DIR } from './processes.js';

/**
 * Some tests run the built API as real child processes (two instances migrating at once, SIGTERM,
 * bad configuration). Build dist once per run so they never exercise stale code; tsc is
 * incremental, so an unchanged tree costs a few seconds.
 */
export default function buildApi(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: API_DIR, stdio: 'inherit' });
}
