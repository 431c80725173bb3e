import { STATUS_CODES } from 'node:http';
import { HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Problem } from '@velosi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseBadInput, isDatabaseUnavailable, loggableError } from '../database/database-errors.js';
import { OverloadedException, ProblemException } from './problem-exception.js';
import { ValidationProblem } from './validation.js';

// Seconds a client should wait when the database is down: a restart takes a few seconds.
const DB_RETRY_AFTER = '5';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Lets another part answer a 404 differently (the SPA serves index.html for client routes). */
export interface NotFoundFallback {
  /** Returns true when it has answered the request itself. */
  handle(request: FastifyRequest, reply: FastifyReply): boolean;
}

export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, ...extra };
}

/** Errors raised by Fastify itself (bad JSON, body too large, wrong media type) carry a statusCode. */
function fastifyClientError(exception: unknown): { statusCode: number; message: string } | undefined {
  if (!(exception instanceof Error) || !('statusCode' in exception) || !('code' in exception))
    return undefined;
  const { statusCode } = exception;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  return { statusCode, message: exception.message };
}

/** Maps anything thrown to an RFC 9457 problem; 5xx never carry internal detail. */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof ValidationProblem) {
    return problem(400, exception.message, { errors: exception.errors });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return status >= 500 ? problem(status) : problem(status, exception.message);
  }
  const clientError = fastifyClientError(exception);
  if (clientError) return problem(clientError.statusCode, clientError.message);
  if (isDatabaseUnavailable(exception)) {
    return problem(503, 'The database is unavailable. Try again in a few seconds.');
  }
  if (isDatabaseBadInput(exception))
    return problem(400, 'The request contains characters that cannot be stored.');
  return problem(500, 'An unexpected error occurred.');
}

/** The one global exception filter: every error leaves the API as application/problem+json. */
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly notFoundFallback?: NotFoundFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toProblem(exception);

    if (body.status === 404 && this.notFoundFallback?.handle(request, reply)) return;
    // Never the error object itself: a database error carries the SQL and its parameters.
    if (exception instanceof OverloadedException) {
      request.log.warn({ reason: exception.message }, 'request shed (503)');
    } else if (body.status >= 500) {
      request.log.error({ err: loggableError(exception) }, 'request failed');
    }
    if (reply.sent) return;
    if (body.status === 503 && !reply.hasHeader('retry-after'))
      void reply.header('retry-after', DB_RETRY_AFTER);

    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
