import { Controller, Get, Ip, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PopupLoginExceptionFilter } from './popup-login.exception-filter.js';
import { PopupLoginService } from './popup-login.service.js';
import { loginSucceededPage } from './popup-page.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';

/**
 * The popup login (see PopupLoginService). The widget opens
 * `loginUrl + '?origin=' + encodeURIComponent(location.origin)` in a popup and waits for
 * `{ type: 'comment-desk:login', accessToken, expiresAt, user }` from the service's origin.
 */
@ApiTags('auth')
@Controller('api/v1/auth')
@UseFilters(PopupLoginExceptionFilter)
export class PopupLoginController {
  constructor(private readonly popupLogin: PopupLoginService) {}

  @ApiOperation({ summary: 'Start a login at an OAuth 2.0 / OpenID Connect provider (opened in a popup)' })
  @ApiParam({ name: 'provider', description: 'A provider id from GET /api/v1/auth/providers (kind oauth2 or oidc).' })
  @ApiQuery({
    name: 'origin',
    required: false,
    description: "The opener page's origin, which receives the token; it must be PUBLIC_URL or in ALLOWED_ORIGINS. Default: PUBLIC_URL.",
  })
  @ApiResponse({ status: 302, description: "To the provider's login page." })
  @ApiErrors('NOT_FOUND', 'RATE_LIMITED')
  @Get(':provider')
  async start(
    @Param('provider') provider: string,
    @Query('origin') origin: unknown,
    @Ip() ip: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { location, cookie } = await this.popupLogin.start(provider, origin, ip, request.raw);
    await reply.header('set-cookie', cookie).header('cache-control', 'no-store').redirect(location, 302);
  }

  @ApiOperation({ summary: "The provider's redirect back: logs in and posts the session to the opener window" })
  @ApiParam({ name: 'provider', description: 'The provider the login was started with.' })
  @ApiResponse({ status: 200, description: 'A page that posts { type: "comment-desk:login", accessToken, expiresAt, user } to the opener and closes.' })
  // A browser gets these as a page that posts comment-desk:login-failed to the opener; an API client as JSON.
  @ApiErrors('AUTH_REQUIRED', 'NOT_FOUND', 'RATE_LIMITED')
  @Get(':provider/callback')
  async callback(@Param('provider') provider: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // A login transaction is good for one callback, whatever happens in it.
    const clearing = this.popupLogin.clearingCookie(provider);
    if (clearing) void reply.header('set-cookie', clearing);
    const { session, openerOrigin } = await this.popupLogin.finish(provider, request.raw);
    const page = loginSucceededPage(session, openerOrigin);
    await reply.status(200).headers(page.headers).type('text/html; charset=utf-8').send(page.html);
  }
}
