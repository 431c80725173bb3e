import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AuditModule } from './audit/audit.module.js';
import type { AppLogger } from './common/logger.js';
import { LoggerModule } from './common/logger.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { InfoModule } from './info/info.module.js';
import { SpaModule } from './spa/spa.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: AppLogger, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(logger),
        DatabaseModule,
        HealthModule,
        AuditModule,
        InfoModule,
        SpaModule,
        ...extraModules,
      ],
    };
  }
}
