import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { ProviderView } from '@/contract/auth.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { LoginStrategies } from './passport/login-strategies.js';

export type { ProviderView };

/** The login providers configured and offered on a site, in the order the widget shows them. */
@Injectable()
export class ProvidersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loginStrategies: LoginStrategies,
    private readonly sites: SiteRegistry,
  ) {}

  list(scope: SiteScope): ProviderView[] {
    const site = this.sites.site(scope);
    const providers: ProviderView[] = this.loginStrategies.list().map(({ id, name, kind }) => ({ id, name, kind, loginUrl: `/api/v1/auth/${id}` }));
    if (site.ssoSecret || site.ssoJwksUrl) providers.push({ id: 'sso', name: 'Publisher account', kind: 'sso', loginUrl: '/api/v1/auth/sso' });
    if (this.config.devLogin) providers.push({ id: 'dev', name: 'Demo login', kind: 'dev', loginUrl: '/api/v1/auth/dev' });
    const offered = site.loginProviders;
    return offered ? providers.filter((provider) => offered.includes(provider.id)) : providers;
  }

  /** Whether the site offers the provider (SSO and the demo login are checked by their own services). */
  offers(scope: SiteScope, providerId: string): boolean {
    const offered = this.sites.site(scope).loginProviders;
    return !offered || offered.includes(providerId);
  }
}
