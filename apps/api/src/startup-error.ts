import { ConfigError } from './config/app-config.js';
import { DatabaseUnreachableError } from './database/connection.js';

/** Start-up failed: one readable line on stderr (no stack for a bad configuration or an unreachable database), exit code 1. */
export function exitOnStartupError(error: unknown, what = 'API start-up'): never {
  if (error instanceof ConfigError || error instanceof DatabaseUnreachableError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${what} failed: ${detail}\n`);
  }
  process.exit(1);
}
