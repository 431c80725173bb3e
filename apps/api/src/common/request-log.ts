import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One JSON line per request (instead of Fastify's "incoming" + "completed" pair), written when the
 * response is done, with the request id Fastify binds to `request.log`. Health probes that succeed
 * are logged at debug so orchestrator polling does not drown the log.
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
    else if (request.url.startsWith('/health/') && reply.statusCode < 400)
      reply.log.debug(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }

  override routeNotFound(): void {
    // The completion line already says 404; no second line.
  }
}
