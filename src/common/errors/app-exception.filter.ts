import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppLogger } from '@/common/logging/logger.js';
import { toErrorResponse } from './error-response.js';

/** Every error a route throws leaves through here, in the contract's envelope. */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, headers, body } = toErrorResponse(exception, this.logger, request.id);
    void reply.status(status).headers(headers).type('application/json; charset=utf-8').send(body);
  }
}
