import { createApp } from './app.js';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG } from './config/config.module.js';
import { exitOnStartupError } from './startup-error.js';

try {
  const app = await createApp();
  const { http } = app.get<symbol, AppConfig>(APP_CONFIG);
  // SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database, exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen({ port: http.port, host: http.host });
} catch (error) {
  exitOnStartupError(error);
}
