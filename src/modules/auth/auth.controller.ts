import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import { CurrentSite } from '@/modules/sites/current-site.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { NotFoundError } from '@/common/errors/app-error.js';
import { Authenticated, CurrentPrincipal } from './auth.decorators.js';
import { type DevLoginDto, devLoginSchema, type SsoLoginDto, ssoLoginSchema } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import type { IdentityRecord, IssuedSession, Principal, UserView } from './auth.types.js';
import { DevLoginService } from './dev-login.service.js';
import { clearedKeptLoginCookie } from './kept-login/kept-login-cookie.js';
import { type ProviderView, ProvidersService } from './providers.service.js';
import { SsoService } from './sso.service.js';
import { ApiErrors } from '@/common/openapi/api-errors.decorator.js';
import { identitiesSchema, providerListSchema, sessionSchema, userSchema } from './auth.responses.js';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sso: SsoService,
    private readonly devLogin: DevLoginService,
    private readonly providers: ProvidersService,
    private readonly rateLimits: RateLimitService,
  ) {}

  @ApiOperation({ summary: 'The login providers configured on this service' })
  @ApiOkResponse({ description: 'Only the providers configured on this instance', standardSchema: providerListSchema })
  @Get('auth/providers')
  listProviders(@CurrentSite() site: SiteScope): { providers: ProviderView[] } {
    return { providers: this.providers.list(site) };
  }

  @ApiOperation({ summary: "Trade a publisher's signed SSO token for an access token" })
  @ApiOkResponse({ description: 'Logged in; the token is good until expiresAt', standardSchema: sessionSchema })
  @ApiErrors('SSO_TOKEN_INVALID', 'RATE_LIMITED')
  @Post('auth/sso')
  @HttpCode(200)
  async ssoLogin(@CurrentSite() site: SiteScope, @Body({ schema: ssoLoginSchema }) dto: SsoLoginDto, @Ip() ip: string): Promise<IssuedSession> {
    await this.rateLimits.consume(`auth:${ip}`, this.config.rateLimits.auth);
    return this.sso.logIn(site, dto.token);
  }

  @ApiOperation({ summary: 'Demo login (local demo only)' })
  @ApiOkResponse({ description: 'Logged in as the demo account of that name', standardSchema: sessionSchema })
  @ApiErrors('NOT_FOUND', 'RATE_LIMITED')
  @Post('auth/dev')
  @HttpCode(200)
  async devLoginRoute(@CurrentSite() site: SiteScope, @Body({ schema: devLoginSchema }) dto: DevLoginDto, @Ip() ip: string): Promise<IssuedSession> {
    await this.rateLimits.consume(`auth:${ip}`, this.config.rateLimits.auth);
    if (!this.providers.offers(site, 'dev')) throw new NotFoundError('The demo login');
    return this.devLogin.logIn(site, dto);
  }

  @ApiOperation({ summary: 'Trade the access token of this request for a new one with a full lifetime; the old one is revoked' })
  @Authenticated()
  @ApiOkResponse({ description: 'A new token with a full lifetime; the one sent is revoked', standardSchema: sessionSchema })
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@CurrentPrincipal() principal: Principal): Promise<IssuedSession> {
    return this.auth.renew(principal);
  }

  @ApiOperation({ summary: 'Revoke the access token of this request' })
  @Authenticated()
  @ApiNoContentResponse({ description: 'The token is revoked on every instance' })
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logOut(principal);
    // The widget's kept login ends with it, in this browser (a frame's call carries its partition's cookie).
    void reply.header('set-cookie', clearedKeptLoginCookie());
  }

  @ApiOperation({ summary: 'The logged-in user' })
  @Authenticated()
  @ApiOkResponse({ description: 'The account the token is for', standardSchema: userSchema })
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.auth.me(principal);
  }

  @ApiOperation({ summary: 'The provider identities the logged-in user can log in with' })
  @Authenticated()
  @ApiOkResponse({ description: 'One entry per provider identity linked to the account', standardSchema: identitiesSchema })
  @Get('me/identities')
  async identities(@CurrentPrincipal() principal: Principal): Promise<{ identities: IdentityRecord[] }> {
    return { identities: await this.auth.identities(principal) };
  }
}
