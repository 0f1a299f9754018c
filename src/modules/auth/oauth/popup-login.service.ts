import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '@/common/errors/app-error.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import { AuthRepository } from '../auth.repository.js';
import { AuthService } from '../auth.service.js';
import type { IdentityProfile, IssuedSession } from '../auth.types.js';
import { LoginStrategies } from '../passport/login-strategies.js';
import type { LoginProvider } from '../strategies/login-provider.js';
import { clearedLoginTransactionCookie, loginTransactionCookie, readLoginTransactionCookie } from './login-transaction-cookie.js';
import { LoginTransactionSealer } from './login-transaction.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import { allowedOpenerOrigin } from './opener-origin.js';
import { LoginFailedError, PopupLoginFailure } from './popup-login.errors.js';

export interface LoginRedirect {
  /** The provider's authorization URL. */
  location: string;
  /** Set-Cookie: the sealed login transaction. */
  cookie: string;
}

export interface CompletedLogin {
  session: IssuedSession;
  openerOrigin: string;
}

/**
 * Login through an OAuth 2.0 / OpenID Connect provider in a popup window, for the widget's frame
 * where third-party cookies may be blocked:
 *
 * 1. `start`: the popup opens `GET /api/v1/auth/{provider}?origin=<opener origin>`. The provider
 *    must be configured (else NOT_FOUND), the origin allowed (else VALIDATION_FAILED) and the
 *    client address under AUTH_RATE_LIMIT. The strategy's state, nonce and PKCE verifier and the
 *    opener's origin are sealed in a short-lived cookie, and the popup goes to the provider.
 * 2. `finish`: the provider sends the popup back to `/api/v1/auth/{provider}/callback`. The
 *    transaction must open (our key, not expired, this provider) and is accepted once; the strategy
 *    checks `state`, trades the code (with the PKCE verifier) and, for OIDC, validates the ID token.
 *    The identity is logged in and the session handed to the opener by the callback page.
 *
 * Every failure after the opener is known is wrapped in PopupLoginFailure, so the page can tell it.
 */
@Injectable()
export class PopupLoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly strategies: LoginStrategies,
    private readonly transactions: LoginTransactionSealer,
    private readonly repository: AuthRepository,
    private readonly auth: AuthService,
    private readonly rateLimits: RateLimitService,
    private readonly sites: SiteRegistry,
  ) {}

  async start(providerId: string, requestedOrigin: unknown, clientIp: string, request: IncomingMessage): Promise<LoginRedirect> {
    const provider = this.requireProvider(providerId);
    const openerOrigin = allowedOpenerOrigin(requestedOrigin, this.openerPolicy());
    return this.tellingOpener(openerOrigin, async () => {
      await this.rateLimits.consume(`auth:${clientIp}`, this.config.rateLimits.auth);
      const strategyState: Record<string, unknown> = {};
      const outcome = await this.strategies.run(provider, { raw: request, url: `/api/v1/auth/${provider.id}`, state: strategyState });
      if (outcome.kind !== 'redirect') {
        throw new Error(`the ${provider.id} strategy did not redirect to the provider: ${outcome.kind === 'error' ? String(outcome.error) : outcome.kind}`);
      }
      const transaction = this.transactions.begin(provider.id, openerOrigin, strategyState);
      return { location: outcome.location, cookie: loginTransactionCookie(await this.transactions.seal(transaction), this.cookieScope(provider)) };
    });
  }

  /** The cookie that ends the transaction, whatever the callback's outcome. */
  clearingCookie(providerId: string): string | undefined {
    const provider = this.strategies.find(providerId);
    return provider && clearedLoginTransactionCookie(this.cookieScope(provider));
  }

  async finish(providerId: string, request: IncomingMessage): Promise<CompletedLogin> {
    const provider = this.requireProvider(providerId);
    const transaction = await this.transactions.open(readLoginTransactionCookie(request.headers.cookie), provider.id);
    if (!transaction) {
      this.logger.info({ provider: provider.id }, 'login callback without a valid login transaction');
      throw new LoginFailedError('This login has expired or was not started in this browser. Close this window and try again.');
    }
    // Checked again: ALLOWED_ORIGINS may have changed since the login started.
    const openerOrigin = allowedOpenerOrigin(transaction.openerOrigin, this.openerPolicy());
    return this.tellingOpener(openerOrigin, async () => {
      if (!(await this.repository.claimLoginTransaction(transaction.id, transaction.expiresAt))) {
        this.logger.warn({ provider: provider.id }, 'login transaction replayed');
        throw new LoginFailedError('This login was already used. Close this window and try again.');
      }
      const callbackUrl = request.url ?? '';
      const query = new URL(callbackUrl, 'http://callback.invalid').searchParams;
      // Without either, a strategy would take the callback for a new login and redirect again.
      if (!query.has('code') && !query.has('error')) throw new LoginFailedError('The provider sent no answer. Close this window and try again.');
      const outcome = await this.strategies.run(provider, { raw: request, url: callbackUrl, state: transaction.strategyState });
      switch (outcome.kind) {
        case 'success': {
          // Our strategies' verify callbacks answer IdentityProfiles, and only those. The site is the
          // one whose page opened the popup; the widget frame's own origin is the default site's.
          const site = this.sites.resolve({ origin: openerOrigin }) ?? this.sites.defaultScope;
          return { session: await this.auth.logIn(site, outcome.user as IdentityProfile), openerOrigin };
        }
        case 'fail':
          this.logger.info({ provider: provider.id, reason: outcome.reason }, 'login refused');
          throw new LoginFailedError(query.get('error') === 'access_denied' ? 'The login was cancelled.' : undefined);
        case 'error':
          this.logger.warn({ provider: provider.id, err: outcome.error }, 'login failed');
          throw new LoginFailedError();
        case 'redirect':
          this.logger.warn({ provider: provider.id }, 'login callback answered with another redirect');
          throw new LoginFailedError();
      }
    });
  }

  /** Any site's pages may open a login, besides the service's own frame. */
  private openerPolicy(): { publicUrl: string; allowedOrigins: string[] } {
    return { publicUrl: this.config.publicUrl, allowedOrigins: this.sites.allOrigins() };
  }

  private requireProvider(providerId: string): LoginProvider {
    const provider = this.strategies.find(providerId);
    if (!provider) throw new NotFoundError('This login provider');
    return provider;
  }

  private cookieScope(provider: LoginProvider): { provider: LoginProvider['id']; secure: boolean } {
    return { provider: provider.id, secure: this.config.publicUrl.startsWith('https:') };
  }

  private async tellingOpener<T>(openerOrigin: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new PopupLoginFailure(error, openerOrigin);
    }
  }
}
