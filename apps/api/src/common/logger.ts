import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

export type AppLogger = Logger;

/** Injection token of the process-wide pino logger (the same instance Fastify logs requests with). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/** JSON lines on stdout (or `destination`, for tests that read them). */
export function createLogger(
  config: Pick<AppConfig, 'logLevel'>,
  destination?: DestinationStream,
): AppLogger {
  const options = {
    level: config.logLevel,
    base: { service: 'velosi-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Request logs carry method/url only, but a header logged by mistake must not leak credentials.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'],
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Routes Nest's own log calls (bootstrap, route mapping, Logger instances in services) into the
 * pino logger so the whole process writes one JSON format. Nest passes the context name as the last
 * optional parameter and, for errors, a stack before it.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  /**
   * Nest's ExceptionHandler logs an error thrown while the app is created or started (an
   * unreachable database, a port in use) with its stack, then — with `abortOnError: false`, as
   * createApp sets — rethrows it to the caller, which reports it (main.ts: one line on stderr, no
   * stack for a known start-up failure). Logging it here too would print a second, stack-laden copy.
   */
  private static readonly REPORTED_BY_CALLER = 'ExceptionHandler';

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    const [stack, ...rest] = params;
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    if (context === PinoNestLogger.REPORTED_BY_CALLER) return;
    if (message instanceof Error) {
      this.logger.error({ context, err: message }, message.message);
      return;
    }
    this.logger.error({ context, stack: typeof stack === 'string' ? stack : undefined }, String(message));
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: 'info' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]) {
    const last = params.at(-1);
    const context = typeof last === 'string' ? last : undefined;
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
