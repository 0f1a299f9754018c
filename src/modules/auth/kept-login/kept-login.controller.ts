import { Controller, Delete, HttpCode, Inject, Post, Put, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { KeptSessionView } from '@/contract/auth.js';
import { requestOrigin } from '@/modules/embed/request-origin.js';
import { Authenticated } from '../auth.decorators.js';
import { keptSessionSchema } from '../auth.responses.js';
import { AuthService } from '../auth.service.js';
import { clearedKeptLoginCookie, keptLoginCookie, readKeptLoginCookie } from './kept-login-cookie.js';

/**
 * The login the widget's frame keeps between page views, in a partitioned cookie (kept-login-cookie.ts).
 * Only the service's own pages may use these routes: every call must come with an `Origin` of the
 * service itself, which a browser sets and a page cannot forge, so a publisher's page (whose partition
 * the cookie lives in) can never trade the reader's cookie for their token.
 */
@ApiTags('auth')
@Controller('api/v1/auth/session')
export class KeptLoginController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  @ApiOperation({ summary: "The widget's kept login: the session of this browser's cookie (the widget's own origin only)" })
  @ApiOkResponse({ description: 'The session of the kept login', standardSchema: keptSessionSchema })
  @ApiErrors('FORBIDDEN', 'AUTH_REQUIRED')
  @Post()
  @HttpCode(200)
  async restore(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<KeptSessionView> {
    this.requireOwnOrigin(request);
    try {
      return await this.auth.keptSession(readKeptLoginCookie(request.headers.cookie));
    } catch (error) {
      // A revoked or expired login is forgotten here too.
      void reply.header('set-cookie', clearedKeptLoginCookie());
      throw error;
    }
  }

  @ApiOperation({ summary: 'Keep the login of this bearer token in this browser, for the widget on this site (the widget’s own origin only)' })
  @Authenticated()
  @ApiNoContentResponse({ description: 'Kept: the cookie is set for this browser and this site' })
  @ApiErrors('FORBIDDEN')
  @Put()
  @HttpCode(204)
  async keep(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    this.requireOwnOrigin(request);
    const token = request.headers.authorization?.replace(/^Bearer\s+/i, '').trim();
    const session = await this.auth.keptSession(token);
    void reply.header('set-cookie', keptLoginCookie(session.accessToken, new Date(session.expiresAt)));
  }

  @ApiOperation({ summary: 'Forget the kept login in this browser (logging out does it too)' })
  @ApiNoContentResponse({ description: 'Forgotten: the cookie is cleared' })
  @ApiErrors('FORBIDDEN')
  @Delete()
  @HttpCode(204)
  forget(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    this.requireOwnOrigin(request);
    void reply.header('set-cookie', clearedKeptLoginCookie());
  }

  private requireOwnOrigin(request: FastifyRequest): void {
    const origin = request.headers.origin;
    if (!origin || (origin !== this.config.publicUrl && origin !== requestOrigin(request))) {
      throw new ForbiddenError("Only the comment widget's own pages may use the kept login.");
    }
  }
}
