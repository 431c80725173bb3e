import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

// API calls (and metrics scrapes) are what an operator follows; successful health probes and the
// SPA's static files (index.html, bundles, translations) go to debug so they do not drown the log.
const LOGGED_AT_INFO = /^\/(api|metrics)(\/|\?|$)/;

/**
 * One JSON line per request (instead of Fastify's "incoming" + "completed" pair), written when the
 * response is done, with the request id Fastify binds to `request.log`. Errors (≥ 400) are always
 * logged at info or above.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // Logged once on completion instead.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    // Fastify's serializers reduce req/res to method, url, remote address and status code.
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (reply.statusCode < 400 && !LOGGED_AT_INFO.test(request.url))
      reply.log.debug(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }

  override routeNotFound(): void {
    // The completion line already says 404; no second line.
  }
}
