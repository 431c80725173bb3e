import { register } from 'node:module';
import { Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { trace } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';

/** What stops tracing: flushes the spans still buffered, then closes the exporter. */
export interface Tracing {
  shutdown(): Promise<void>;
}

let active: Tracing | undefined;

/**
 * OpenTelemetry traces over OTLP/HTTP (JSON), only when OTEL_EXPORTER_OTLP_ENDPOINT (or the
 * traces-only OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: otherwise nothing of the SDK is loaded,
 * so start-up time and memory stay as they were. Must run before the modules it instruments are
 * loaded (main.ts imports the app afterwards): incoming HTTP (Fastify's node:http server), pg
 * queries, and outgoing fetch (JWKS, Keycloak's token and admin endpoints). SMTP sends are spans
 * of their own (mail/mailer.ts). The exporter reads the standard OTEL_* variables (endpoint,
 * headers, timeout); OTEL_SERVICE_NAME names the service (default velosi-api).
 */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<Tracing | undefined> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return undefined;
  if (active) return active;
  // pg is imported from ES modules: import-in-the-middle's loader hook lets the instrumentation
  // patch it (require hooks alone only see CommonJS require calls).
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [
    { NodeTracerProvider },
    { BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { registerInstrumentations },
    { HttpInstrumentation },
    { PgInstrumentation },
    { UndiciInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-undici'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || 'velosi-api' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Probes and scrapes every few seconds would drown the traces users' requests make.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => /^\/(health\/|metrics)/.test(request.url ?? ''),
      }),
      new PgInstrumentation(),
      new UndiciInstrumentation(),
    ],
  });
  active = { shutdown: () => provider.shutdown() };
  return active;
}

/**
 * Names each incoming request's span by its route pattern (`POST /api/quotes/:id/send`, never the
 * raw URL with ids), as the metrics do; flushes the buffered spans when the app closes (SIGTERM),
 * after in-flight requests finished.
 */
@Injectable()
class TracingLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, _reply, done) => {
      const route = request.routeOptions.url;
      const span = trace.getActiveSpan();
      if (route && span) span.setAttribute('http.route', route).updateName(`${request.method} ${route}`);
      done();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await active?.shutdown();
  }
}

@Module({ providers: [TracingLifecycle] })
export class TracingModule {}
