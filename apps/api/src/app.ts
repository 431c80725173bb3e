import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSV_IMPORT_LIMITS } from '@velosi/contracts';
import { AppModule } from './app.module.js';
import { clientErrorHandler, frameworkErrors, slowClientLimits } from './common/framework-errors.js';
import { closeConnectionsWhenClosing } from './common/graceful-close.js';
import { createLogger, PinoNestLogger, type AppLogger } from './common/logger.js';
import { problem, PROBLEM_CONTENT_TYPE, ProblemFilter } from './common/problem.filter.js';
import { REQUEST_ID_HEADER, requestIdFor } from './common/request-id.js';
import { RequestLogController } from './common/request-log.js';
import { loadConfig } from './config/app-config.js';
import { assertDatabaseReachable } from './database/database.module.js';
import multipart from '@fastify/multipart';
import { takesUploads } from './attachments/attachment-owners.js';
import { securityHeaders, staticSecurityHeaders } from './spa/security-headers.js';
import { serveSpa } from './spa/spa.js';

/** A hop count as the function Fastify's typings accept (Fastify itself does the same with a number). */
function trustedHops(
  trust: boolean | number | string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export interface CreateAppOptions {
  /** Log destination override (tests read the JSON lines). */
  logger?: AppLogger;
  /** Extra modules mounted beside the app's own (tests mount probe controllers). */
  modules?: Type[];
  /**
   * Reach the database before anything starts (main.ts): with MIGRATE_ON_START=false nothing else
   * has, and a wrong DATABASE_URL would give an instance answering 503 forever. Off by default:
   * tests start apps on a dead database on purpose, to see a running instance lose it.
   */
  requireDatabase?: boolean;
}

/**
 * Builds the API, initialised but not listening: validates env (throws ConfigError), opens and
 * migrates the database, registers routes, the SPA and the problem+json filter.
 */
export async function createApp(
  env: NodeJS.ProcessEnv = process.env,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const config = loadConfig(env);
  const logger = options.logger ?? createLogger(config);

  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    trustProxy: trustedHops(config.http.trustProxy),
    genReqId: requestIdFor,
    requestIdHeader: false, // read by requestIdFor, which rejects unsafe values
    logController: new RequestLogController({ requestIdLogLabel: 'requestId' }),
    frameworkErrors,
    clientErrorHandler,
    ...slowClientLimits(config.http.requestTimeoutSeconds),
  });
  const fastify = adapter.getInstance();
  fastify.server.maxConnections = config.http.maxConnections;
  const headers = staticSecurityHeaders(securityHeaders(config.web.issuerUrl));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers).header(REQUEST_ID_HEADER, request.id);
    done();
  });
  closeConnectionsWhenClosing(fastify);
  // CSV imports post the file as text/csv: a cap of its own, larger than JSON bodies' default.
  fastify.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: CSV_IMPORT_LIMITS.maxBytes },
    (_request, body, done) => done(null, body),
  );
  // Multipart bodies (file uploads) are streamed by the attachment routes themselves, each file
  // capped at ATTACHMENT_LIMITS.maxBytes there. Every other route refuses them before reading a
  // byte, as it did before the multipart parser existed: no route gets a body it does not expect.
  fastify.addHook('onRequest', (request, reply, done) => {
    const type = request.headers['content-type'] ?? '';
    if (/^multipart\//i.test(type) && !takesUploads(request.routeOptions.url)) {
      void reply
        .code(415)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify(problem(415, 'This route does not take multipart bodies.')));
      return;
    }
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger, options.modules),
    adapter,
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  // Before init: init starts the background sweeps, which would log the failure first.
  if (options.requireDatabase)
    await assertDatabaseReachable(app).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
  await app.register(multipart);
  const spaFallback = await serveSpa(app, config.web.distDir);
  app.useGlobalFilters(new ProblemFilter(spaFallback));
  await app.init();
  return app;
}
