import { Inject, Injectable } from '@nestjs/common';
import passport from 'passport';
import { AppError } from '@/common/errors/app-error.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { configuredLoginProviders } from '../strategies/configured-login-providers.js';
import type { LoginProvider, LoginProviderId } from '../strategies/login-provider.js';
import { type PassportOutcome, type PassportRequest, runPassportStrategy } from './fastify-passport-bridge.js';

class LoginProviderUnavailableError extends AppError {
  constructor(name: string) {
    super('SERVICE_UNAVAILABLE', `${name} cannot be reached right now; try again shortly.`, {}, { 'retry-after': '30' });
  }
}

/**
 * The configured login providers and their Passport strategies, on a Passport instance of their
 * own (never the process-wide singleton). A strategy is built and registered on its first use.
 */
@Injectable()
export class LoginStrategies {
  private readonly authenticator = new passport.Passport();
  private readonly providers: Map<LoginProviderId, LoginProvider>;
  private readonly registrations = new Map<LoginProviderId, Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) logger: AppLogger,
  ) {
    this.providers = new Map(configuredLoginProviders(config.loginProviders).map((provider) => [provider.id, provider]));
    if (this.providers.size && config.sessionSecret.generated && config.env === 'production') {
      logger.warn('SESSION_SECRET is not set: a login started on one instance cannot finish on another, nor after a restart');
    }
  }

  list(): LoginProvider[] {
    return [...this.providers.values()];
  }

  find(id: string): LoginProvider | undefined {
    return this.providers.get(id as LoginProviderId);
  }

  /** Where the provider sends the reader back: registered with the provider as the redirect URI. */
  callbackUrl(id: LoginProviderId): string {
    return `${this.config.publicUrl}/api/v1/auth/${id}/callback`;
  }

  async run(provider: LoginProvider, request: PassportRequest): Promise<PassportOutcome> {
    await this.register(provider);
    return runPassportStrategy(this.authenticator, provider.id, request);
  }

  /** Once per provider; a failed attempt (an IdP down during discovery) is retried by the next login. */
  private register(provider: LoginProvider): Promise<void> {
    let registration = this.registrations.get(provider.id);
    if (!registration) {
      // Through then(), so a strategy that cannot be built at once is refused like a failed discovery.
      registration = Promise.resolve()
        .then(() => provider.createStrategy(this.callbackUrl(provider.id)))
        .then(
          (strategy) => void this.authenticator.use(provider.id, strategy),
          (error: unknown) => {
            this.registrations.delete(provider.id);
            throw Object.assign(new LoginProviderUnavailableError(provider.name), { cause: error });
          },
        );
      this.registrations.set(provider.id, registration);
    }
    return registration;
  }
}
