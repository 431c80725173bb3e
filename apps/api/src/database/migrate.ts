// `npm run db:migrate`: applies pending migrations to the configured database (PGlite data dir or
// DATABASE_URL) and exits; a release step can run it before instances start with MIGRATE_ON_START=false.
import { createLogger } from '../common/logger.js';
import { loadConfig } from '../config/app-config.js';
import { exitOnStartupError } from '../startup-error.js';
import { explainConnectionFailure, openDatabase } from './connection.js';
import { runMigrations } from './migrator.js';

try {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openDatabase(config.database, logger);
  try {
    await runMigrations(database.db, logger).catch((error: unknown) => {
      throw config.database.kind === 'postgres'
        ? explainConnectionFailure(error, config.database.url)
        : error;
    });
  } finally {
    await database.close();
  }
} catch (error) {
  exitOnStartupError(error, 'Migration');
}
