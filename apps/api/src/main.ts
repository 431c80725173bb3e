import type { AppConfig } from './config/app-config.js';
import { exitOnStartupError } from './startup-error.js';
import { startTracing, TracingModule } from './telemetry/tracing.js';

try {
  // Tracing (when configured) must hook module loading before the app's modules are imported.
  const tracing = await startTracing();
  const [{ createApp }, { APP_CONFIG }] = await Promise.all([
    import('./app.js'),
    import('./config/config.module.js'),
  ]);
  const app = await createApp(process.env, {
    modules: tracing ? [TracingModule] : [],
    requireDatabase: true,
  });
  const { http } = app.get<symbol, AppConfig>(APP_CONFIG);
  // SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database, exit 0.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen({ port: http.port, host: http.host });
} catch (error) {
  exitOnStartupError(error);
}
