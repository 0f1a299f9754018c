import { type ArgumentsHost, Catch, type ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from '@/common/errors/error-response.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_LOGGER } from '@/config/config.module.js';
import { PopupLoginFailure } from './popup-login.errors.js';
import { loginFailedPage } from './popup-page.js';

/**
 * Failures of the popup login routes. A browser window (it asks for text/html) gets a readable page
 * that also tells the opener `{ type: 'comment-desk:login-failed', code }` when its origin is known;
 * an API client gets the contract's error envelope. Either way the status and code are the
 * contract's, and nothing of the error's internals is shown.
 */
@Catch()
export class PopupLoginExceptionFilter implements ExceptionFilter {
  constructor(@Inject(APP_LOGGER) private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const [error, openerOrigin] = exception instanceof PopupLoginFailure ? [exception.error, exception.openerOrigin] : [exception, null];
    const { status, headers, body } = toErrorResponse(error, this.logger, request.id);
    if (!request.headers.accept?.includes('text/html')) {
      void reply.status(status).headers(headers).type('application/json; charset=utf-8').send(body);
      return;
    }
    const page = loginFailedPage(body.error, openerOrigin);
    void reply
      .status(status)
      .headers({ ...headers, ...page.headers })
      .type('text/html; charset=utf-8')
      .send(page.html);
  }
}
