import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from './problem.filter.js';

/**
 * Fastify answers a few requests before any route or filter runs — a path parameter longer than
 * its router allows, a malformed URL, a broken request line or headers too large — with its own
 * JSON. These two handlers (Fastify's `frameworkErrors` and `clientErrorHandler` options) make
 * those answers RFC 9457 problem+json like every other refusal.
 */
export function frameworkErrors(
  error: Error & { code?: string },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  // No record id is that long (ids are UUIDs, codes a few characters): the record does not exist.
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 404 : 400;
  const detail = status === 404 ? 'No such record.' : 'The URL is not valid.';
  void reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem(status, detail));
}

const CLIENT_ERRORS: Readonly<Record<string, { status: number; detail: string }>> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request headers are too large.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request took too long to arrive.' },
};

/** A request Node's HTTP parser refused: answer problem+json on the raw socket, then close it. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'Malformed request.' };
  const body = JSON.stringify(problem(status, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * Fastify sets Node's `requestTimeout` to 0 (never) unless told otherwise, so a client trickling
 * its body a byte at a time kept its socket for as long as it liked. Node checks the deadline
 * every `connectionsCheckingInterval` (30 s by default): checked more often so the limit holds.
 */
export function slowClientLimits(requestTimeoutSeconds: number): {
  requestTimeout: number;
  http: { requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number };
} {
  const requestTimeout = requestTimeoutSeconds * 1000;
  return {
    requestTimeout,
    http: {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 20_000),
      connectionsCheckingInterval: Math.min(1_000, requestTimeout / 2),
    },
  };
}
