import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import type { IssuedSession } from './auth.types.js';
import { SsoTokenInvalidError } from './sso/sso.errors.js';
import { SsoTokenVerifier } from './sso/sso-token-verifier.js';

/**
 * Publisher SSO: the publisher's site signs a short-lived JWT for its own logged-in user (HS256 with
 * SSO_SECRET, or with a private key published at SSO_JWKS_URL), and trades it here for an access
 * token. Every token id (`jti`) is accepted once, and only claimed once the token has been verified.
 */
@Injectable()
export class SsoService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly verifier: SsoTokenVerifier,
    private readonly repository: AuthRepository,
    private readonly auth: AuthService,
  ) {}

  async logIn(token: string): Promise<IssuedSession> {
    if (!this.verifier.configured) throw new SsoTokenInvalidError('publisher SSO is not configured on this service');
    const claims = await this.verifier.verify(token);
    if (!(await this.repository.claimSsoTokenId(claims.jti, new Date(claims.exp * 1000)))) {
      throw new SsoTokenInvalidError('this token was already used');
    }
    return this.auth.logIn({
      provider: 'sso',
      subject: claims.sub,
      displayName: claims.name,
      email: claims.email,
      // Only when the publisher says it checked the address: an unchecked one must never link accounts.
      emailVerified: claims.email !== undefined && claims.emailVerified,
      role: this.config.sso.trustRole ? claims.role : undefined,
    });
  }
}
