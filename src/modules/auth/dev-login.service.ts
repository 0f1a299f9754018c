import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { DevLoginDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import type { IssuedSession } from './auth.types.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

/**
 * Password-less accounts for the local demo: on only with the embedded database outside production
 * (or DEV_LOGIN=true outside production). Elsewhere the route does not exist.
 */
@Injectable()
export class DevLoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  async logIn(scope: SiteScope, dto: DevLoginDto): Promise<IssuedSession> {
    if (!this.config.devLogin) throw new NotFoundError('The demo login');
    return this.auth.logIn(scope, { provider: 'dev', subject: dto.name.toLowerCase(), displayName: dto.name, role: dto.role });
  }
}
