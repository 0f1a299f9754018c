import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import type { IssuedSession } from './auth.types.js';
import { SsoTokenInvalidError } from './sso/sso.errors.js';
import { SiteSsoVerifiers } from './sso/site-sso-verifiers.js';
import { DEFAULT_SITE_ID, type SiteScope } from '@/modules/sites/site-scope.js';

/**
 * Publisher SSO: the publisher's site signs a short-lived JWT for its own logged-in user (HS256 with
 * the site's secret, or with a private key published at its JWKS URL; for the default site,
 * SSO_SECRET and SSO_JWKS_URL), and trades it here for an access token valid on that site only.
 * Every token id (`jti`) is accepted once per site, and only claimed once the token has been verified.
 * An `operator` role claim is honoured only from the default site's publisher.
 */
@Injectable()
export class SsoService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly verifiers: SiteSsoVerifiers,
    private readonly repository: AuthRepository,
    private readonly auth: AuthService,
  ) {}

  async logIn(scope: SiteScope, token: string): Promise<IssuedSession> {
    const verifier = this.verifiers.forSite(scope);
    if (!verifier.configured) throw new SsoTokenInvalidError('publisher SSO is not configured on this site');
    const claims = await verifier.verify(token);
    if (!(await this.repository.claimSsoTokenId(scope, claims.jti, new Date(claims.exp * 1000)))) {
      throw new SsoTokenInvalidError('this token was already used');
    }
    const role = this.config.sso.trustRole && (claims.role !== 'operator' || scope.siteId === DEFAULT_SITE_ID) ? claims.role : undefined;
    return this.auth.logIn(scope, {
      provider: 'sso',
      subject: claims.sub,
      displayName: claims.name,
      email: claims.email,
      // Only when the publisher says it checked the address: an unchecked one must never link accounts.
      emailVerified: claims.email !== undefined && claims.emailVerified,
      role,
    });
  }
}
