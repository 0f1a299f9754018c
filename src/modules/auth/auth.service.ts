import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { AuthRequiredError } from '@/common/errors/app-error.js';
import { hashAccessToken, looksLikeAccessToken, newAccessToken } from './access-token.js';
import { AuthRepository } from './auth.repository.js';
import { type IdentityProfile, type IssuedSession, type Principal, toUserView, type UserView } from './auth.types.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The principal behind a bearer token, or null when it is unknown, expired or revoked. */
  async authenticate(accessToken: string): Promise<Principal | null> {
    if (!looksLikeAccessToken(accessToken)) return null;
    return this.repository.findActiveSession(hashAccessToken(accessToken), new Date());
  }

  /** Finds or creates the user of an identity a provider vouched for, and opens a session. */
  async logIn(profile: IdentityProfile): Promise<IssuedSession> {
    const user = await this.repository.upsertUserByIdentity(profile);
    const accessToken = newAccessToken();
    const expiresAt = new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000);
    await this.repository.createSession(user.id, profile.provider, hashAccessToken(accessToken), expiresAt);
    return { accessToken, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
  }

  async logOut(principal: Principal): Promise<void> {
    await this.repository.revokeSession(principal.sessionId, new Date());
  }

  async me(principal: Principal): Promise<UserView> {
    const user = await this.repository.findUser(principal.user.id);
    if (!user) throw new AuthRequiredError();
    return toUserView(user);
  }
}
