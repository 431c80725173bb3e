import type { FastifyInstance } from 'fastify';

/**
 * Once the server starts closing, every response still being produced asks the client to close its
 * connection. Fastify closes connections that are idle when close() begins, but a keep-alive
 * connection busy at that moment would otherwise stay open after its response until the keep-alive
 * timeout (72 s), holding up shutdown long after the last request finished.
 */
export function closeConnectionsWhenClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });
}
