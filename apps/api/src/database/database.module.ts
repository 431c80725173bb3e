import {
  Global,
  Inject,
  Injectable,
  Module,
  type OnApplicationShutdown,
  type INestApplicationContext,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { HealthModule } from '../health/health.module.js';
import { HealthRegistry } from '../health/health.registry.js';
import { explainConnectionFailure, openDatabase } from './connection.js';
import { DATABASE, type DatabaseHandle } from './database.types.js';
import { runMigrations } from './migrator.js';

async function connect(config: AppConfig, logger: AppLogger): Promise<DatabaseHandle> {
  const database = await openDatabase(config.database, logger);
  try {
    if (config.migrateOnStart) await runMigrations(database.db, logger);
  } catch (error) {
    await database.close();
    throw config.database.kind === 'postgres' ? explainConnectionFailure(error, config.database.url) : error;
  }
  logger.info({ database: database.kind }, 'database open');
  return database;
}

/** A DatabaseUnreachableError (one line, no stack) when the business database does not answer. */
export async function assertDatabaseReachable(app: INestApplicationContext): Promise<void> {
  const config = app.get<symbol, AppConfig>(APP_CONFIG);
  try {
    await app.get<symbol, DatabaseHandle>(DATABASE).ping();
  } catch (error) {
    throw config.database.kind === 'postgres' ? explainConnectionFailure(error, config.database.url) : error;
  }
}

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly health: HealthRegistry,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit(): void {
    this.health.register({ name: 'database', check: () => this.database.ping() });
  }

  // onApplicationShutdown runs after the HTTP server has closed, so in-flight requests finish
  // with the database still open (onModuleDestroy would run before).
  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.database.close();
    this.logger.info({ signal }, 'database closed');
  }
}

/** Opens the business database (PGlite or PostgreSQL), migrates it, closes it on shutdown. */
@Global()
@Module({
  imports: [HealthModule],
  providers: [
    { provide: DATABASE, inject: [APP_CONFIG, APP_LOGGER], useFactory: connect },
    DatabaseLifecycle,
  ],
  exports: [DATABASE],
})
export class DatabaseModule {}
