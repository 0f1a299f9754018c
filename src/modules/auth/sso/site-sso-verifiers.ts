import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { SsoTokenVerifier } from './sso-token-verifier.js';

/**
 * One SSO verifier per site, made from the site's own secret and JWKS URL (the JWKS cache, issuer,
 * audience and clock settings are the deployment's), and made again when the site's keys change.
 * A verifier keeps its fetched publisher keys, so it lives as long as the site's settings do.
 */
@Injectable()
export class SiteSsoVerifiers {
  private readonly verifiers = new Map<string, { settingsKey: string; verifier: SsoTokenVerifier }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sites: SiteRegistry,
  ) {}

  forSite(scope: SiteScope): SsoTokenVerifier {
    const site = this.sites.site(scope);
    const settingsKey = JSON.stringify([site.ssoSecret, site.ssoJwksUrl]);
    const held = this.verifiers.get(scope.siteId);
    if (held?.settingsKey === settingsKey) return held.verifier;
    const { jwks, issuer, audience, clockToleranceSeconds } = this.config.sso;
    const jwksSettings = site.ssoJwksUrl
      ? { url: site.ssoJwksUrl, cacheMaxAgeSeconds: 600, cooldownSeconds: 30, timeoutMs: 3_000, ...(jwks && { ...jwks, url: site.ssoJwksUrl }) }
      : undefined;
    const verifier = new SsoTokenVerifier({ secret: site.ssoSecret ?? undefined, jwks: jwksSettings, issuer, audience, clockToleranceSeconds });
    this.verifiers.set(scope.siteId, { settingsKey, verifier });
    return verifier;
  }
}
