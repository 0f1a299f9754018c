import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { toErrorResponse } from '@/common/errors/error-response.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { PERMISSIONS_POLICY } from './response-headers.js';

type SecurityHook = Parameters<FastifyAdapter['registerSecurityHook']>[0];

/** How Node's HTTP parser refuses a request, by its error code; anything else it refuses is a 400. */
const PARSER_STATUS: Record<string, number> = { HPE_HEADER_OVERFLOW: 431, ERR_HTTP_REQUEST_TIMEOUT: 408 };

/**
 * Nest's Fastify adapter, answering what the server refuses before any route runs in the contract's
 * envelope, never in Fastify's own format (which echoes the path):
 *
 * - the router's refusals, before any hook: a path that is not valid percent-encoded UTF-8 (400
 *   VALIDATION_FAILED), a path parameter over `maxParamLength` (414 URI_TOO_LONG); they carry the
 *   security headers of every response, as Nest's own handler of them does;
 * - the HTTP parser's, on the socket, which is then closed as Node does: a request line and headers
 *   over Node's 16 KiB (431 HEADERS_TOO_LARGE), a request too slow to arrive (408 REQUEST_TIMEOUT),
 *   anything that is not HTTP (400 VALIDATION_FAILED);
 * - a CONNECT request, which asks for a tunnel the service does not offer and which Node hands to no
 *   route (404 NOT_FOUND, as for any other path the service does not serve).
 *
 * The hook of `app.useSecurityHeaders()` also sets Permissions-Policy, which Nest's options lack, so
 * that header goes wherever the others go.
 */
export class ContractFastifyAdapter extends FastifyAdapter {
  private responseHeadersHook: SecurityHook | undefined;

  constructor(options: FastifyServerOptions, logger: AppLogger) {
    // Fastify takes these handlers at construction; the router's needs the hook Nest registers later.
    const adapter: { current?: ContractFastifyAdapter } = {};
    super({
      ...options,
      frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => adapter.current!.refuseRoute(error, request, reply, logger),
      clientErrorHandler: (error: Error, socket: Socket) => refuseOnSocket(error, socket, logger),
    });
    adapter.current = this;
    this.getInstance().server.on('connect', (_request: unknown, socket: Socket) => answerOnSocket(socket, 404, logger));
  }

  override registerSecurityHook(hook: SecurityHook): void {
    const withPermissionsPolicy: SecurityHook = (request, response) => {
      response.setHeader('permissions-policy', PERMISSIONS_POLICY);
      return hook(request, response);
    };
    this.responseHeadersHook = withPermissionsPolicy;
    super.registerSecurityHook(withPermissionsPolicy);
  }

  private refuseRoute(error: FastifyError, request: FastifyRequest, reply: FastifyReply, logger: AppLogger): void {
    try {
      this.responseHeadersHook?.(request, reply.raw);
    } catch {
      // Refused either way; the request has no route, params or query a hook might look at.
    }
    const { status, headers, body } = toErrorResponse(error, logger, request.id);
    void reply
      .status(status)
      .headers({ ...headers, 'x-request-id': request.id })
      .type('application/json; charset=utf-8')
      .send(body);
  }
}

function refuseOnSocket(error: Error & { code?: string }, socket: Socket, logger: AppLogger): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  answerOnSocket(socket, PARSER_STATUS[error.code ?? ''] ?? 400, logger, error);
}

/** Writes the contract's error for `status` straight to the socket, and closes it. */
function answerOnSocket(socket: Socket, status: number, logger: AppLogger, cause?: Error): void {
  const { body } = toErrorResponse(Object.assign(new Error(STATUS_CODES[status]), { statusCode: status }), logger);
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(json)}\r\n` +
        'x-content-type-options: nosniff\r\n' +
        'connection: close\r\n\r\n' +
        json,
    );
  }
  socket.destroy(cause);
}
