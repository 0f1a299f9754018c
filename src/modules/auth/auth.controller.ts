import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import { Authenticated, CurrentPrincipal } from './auth.decorators.js';
import { type DevLoginDto, devLoginSchema, type SsoLoginDto, ssoLoginSchema } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import type { IdentityRecord, IssuedSession, Principal, UserView } from './auth.types.js';
import { DevLoginService } from './dev-login.service.js';
import { clearedKeptLoginCookie } from './kept-login/kept-login-cookie.js';
import { type ProviderView, ProvidersService } from './providers.service.js';
import { SsoService } from './sso.service.js';

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
  @Get('auth/providers')
  listProviders(): { providers: ProviderView[] } {
    return { providers: this.providers.list() };
  }

  @ApiOperation({ summary: "Trade a publisher's signed SSO token for an access token" })
  @Post('auth/sso')
  @HttpCode(200)
  async ssoLogin(@Body({ schema: ssoLoginSchema }) dto: SsoLoginDto, @Ip() ip: string): Promise<IssuedSession> {
    await this.rateLimits.consume(`auth:${ip}`, this.config.rateLimits.auth);
    return this.sso.logIn(dto.token);
  }

  @ApiOperation({ summary: 'Demo login (local demo only)' })
  @Post('auth/dev')
  @HttpCode(200)
  async devLoginRoute(@Body({ schema: devLoginSchema }) dto: DevLoginDto, @Ip() ip: string): Promise<IssuedSession> {
    await this.rateLimits.consume(`auth:${ip}`, this.config.rateLimits.auth);
    return this.devLogin.logIn(dto);
  }

  @ApiOperation({ summary: 'Trade the access token of this request for a new one with a full lifetime; the old one is revoked' })
  @Authenticated()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@CurrentPrincipal() principal: Principal): Promise<IssuedSession> {
    return this.auth.renew(principal);
  }

  @ApiOperation({ summary: 'Revoke the access token of this request' })
  @Authenticated()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logOut(principal);
    // The widget's kept login ends with it, in this browser (a frame's call carries its partition's cookie).
    void reply.header('set-cookie', clearedKeptLoginCookie());
  }

  @ApiOperation({ summary: 'The logged-in user' })
  @Authenticated()
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.auth.me(principal);
  }

  @ApiOperation({ summary: 'The provider identities the logged-in user can log in with' })
  @Authenticated()
  @Get('me/identities')
  async identities(@CurrentPrincipal() principal: Principal): Promise<{ identities: IdentityRecord[] }> {
    return { identities: await this.auth.identities(principal) };
  }
}
