import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { ProviderView } from '@/contract/auth.js';
import { LoginStrategies } from './passport/login-strategies.js';

export type { ProviderView };

/** The login providers this instance has configured, in the order the widget shows them. */
@Injectable()
export class ProvidersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loginStrategies: LoginStrategies,
  ) {}

  list(): ProviderView[] {
    const providers: ProviderView[] = this.loginStrategies.list().map(({ id, name, kind }) => ({ id, name, kind, loginUrl: `/api/v1/auth/${id}` }));
    if (this.config.sso.secret || this.config.sso.jwks) providers.push({ id: 'sso', name: 'Publisher account', kind: 'sso', loginUrl: '/api/v1/auth/sso' });
    if (this.config.devLogin) providers.push({ id: 'dev', name: 'Demo login', kind: 'dev', loginUrl: '/api/v1/auth/dev' });
    return providers;
  }
}
