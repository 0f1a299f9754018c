import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitModule } from '@/modules/rate-limit/rate-limit.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { PrincipalCache } from './principal-cache.js';
import { DevLoginService } from './dev-login.service.js';
import { KeptLoginController } from './kept-login/kept-login.controller.js';
import { LoginTransactionSealer } from './oauth/login-transaction.js';
import { PopupLoginController } from './oauth/popup-login.controller.js';
import { PopupLoginService } from './oauth/popup-login.service.js';
import { LoginStrategies } from './passport/login-strategies.js';
import { ProvidersService } from './providers.service.js';
import { SsoService } from './sso.service.js';
import { SiteSsoVerifiers } from './sso/site-sso-verifiers.js';

@Module({
  imports: [RateLimitModule],
  controllers: [AuthController, KeptLoginController, PopupLoginController],
  providers: [
    AuthRepository,
    AuthService,
    PrincipalCache,
    SsoService,
    SiteSsoVerifiers,
    DevLoginService,
    ProvidersService,
    LoginStrategies,
    LoginTransactionSealer,
    PopupLoginService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
