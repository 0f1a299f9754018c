import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { type Observable, ReplaySubject } from 'rxjs';
import { ServiceUnavailableError } from '@/common/errors/app-error.js';

/** Long enough for a load balancer to notice the instance is gone, short enough for a reader. */
const RETRY_AFTER_SECONDS = 2;

/**
 * From the moment the server starts closing (`fastify.close()`, the first step of the shutdown), a
 * request that still arrives on an open keep-alive connection is answered the contract's 503 with
 * Retry-After, instead of Fastify's own 503 body, and every answer, including those of the requests
 * in flight, closes its connection: the server stops accepting connections and the client opens its
 * next one elsewhere. The requests in flight run to their end, on a database that is still there.
 */
export function drainOnClose(fastify: FastifyInstance): void {
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!draining) return done();
    const refusal = new ServiceUnavailableError('The service is restarting; try again shortly.', RETRY_AFTER_SECONDS);
    void reply
      .code(refusal.status)
      .headers(refusal.headers)
      .header('connection', 'close')
      .type('application/json; charset=utf-8')
      .send({ error: { code: refusal.code, message: refusal.message, details: refusal.details } });
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (draining) void reply.header('connection', 'close');
  });
}

/**
 * Emits once, when the HTTP server begins to close. A stream that never ends by itself (server-sent
 * events) ends on it, or it would hold the shutdown up until SHUTDOWN_TIMEOUT_MS; its client
 * reconnects, to another instance.
 */
export function serverClosing(adapterHost: HttpAdapterHost): Observable<void> {
  const closing = new ReplaySubject<void>(1);
  adapterHost.httpAdapter.getInstance<FastifyInstance>().addHook('preClose', (done) => {
    closing.next();
    closing.complete();
    done();
  });
  return closing;
}
