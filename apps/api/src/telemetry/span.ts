import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

const tracer = trace.getTracer('velosi-api');

/**
 * Runs `work` inside a client span (an outgoing call no instrumentation sees, e.g. SMTP through
 * nodemailer's sockets). Without a registered tracer provider (tracing off) the API's no-op tracer
 * makes this a plain call.
 */
export function clientSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
