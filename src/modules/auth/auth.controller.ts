import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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
  listProviders(@CurrentSite() site: SiteScope): { providers: ProviderView[] } {
    return { providers: this.providers.list(site) };
  }

  @ApiOperation({ summary: "Trade a publisher's signed SSO token for an access token" })
  @Post('auth/sso')
  @HttpCode(200)
  async ssoLogin(@CurrentSite() site: SiteScope, @Body({ schema: ssoLoginSchema }) dto: SsoLoginDto, @Ip() ip: string): Promise<IssuedSession> {
    await this.rateLimits.consume(`auth:${ip}`, this.config.rateLimits.auth);
    return this.sso.logIn(site, dto.token);
  }

  @ApiOperation({ summary: 'Demo login (local demo only)' })
  @Post('auth/dev')
  @HttpCode(200)
  async devLoginRoute(@CurrentSite() site: SiteScope, @Body({ schema: devLoginSchema }) dto: DevLoginDto, @Ip() ip: string): Promise<IssuedSession> {
    await this.rateLimits.consume(`auth:${ip}`, this.config.rateLimits.auth);
    if (!this.providers.offers(site, 'dev')) throw new NotFoundError('The demo login');
    return this.devLogin.logIn(site, dto);
  }

  @ApiOperation({ summary: 'Revoke the access token of this request' })
  @Authenticated()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logOut(principal);
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
