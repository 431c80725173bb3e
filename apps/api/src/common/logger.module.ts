import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_LOGGER, type AppLogger } from './logger.js';

/** Makes the process logger injectable (`@Inject(APP_LOGGER)`) everywhere. */
@Global()
@Module({})
export class LoggerModule {
  static forRoot(logger: AppLogger): DynamicModule {
    return {
      module: LoggerModule,
      providers: [{ provide: APP_LOGGER, useValue: logger }],
      exports: [APP_LOGGER],
    };
  }
}
