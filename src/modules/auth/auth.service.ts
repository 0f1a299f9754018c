import { Inject, Injectable } from '@nestjs/common';
import { Housekeeping } from '@/common/housekeeping/housekeeping.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { AuthRequiredError, NotFoundError } from '@/common/errors/app-error.js';
import { hashAccessToken, looksLikeAccessToken, newAccessToken } from './access-token.js';
import { AuthRepository } from './auth.repository.js';
import { PrincipalCache } from './principal-cache.js';
import type { KeptSessionView } from '@/contract/auth.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import {
  type IdentityProfile,
  type IdentityRecord,
  type IssuedSession,
  type Principal,
  type SessionPrincipal,
  toUserView,
  type UserRecord,
  type UserView,
} from './auth.types.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly principals: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    housekeeping: Housekeeping,
  ) {
    // One-time token ids only need remembering until their token would have expired anyway.
    housekeeping.addSweep('one-time token ids', () => repository.forgetExpiredSpentTokenIds(new Date()));
  }

  /** The session behind a bearer token, or null when it is unknown, expired or revoked. */
  async authenticate(accessToken: string): Promise<SessionPrincipal | null> {
    if (!looksLikeAccessToken(accessToken)) return null;
    const tokenHash = hashAccessToken(accessToken);
    const session = await this.principals.get(tokenHash.toString('base64url'), () => this.repository.findUnrevokedSession(tokenHash));
    return session && session.expiresAt > new Date() ? session.principal : null;
  }

  /** Finds or creates the site's user of an identity a provider vouched for, and opens a session. */
  async logIn(scope: SiteScope, profile: IdentityProfile): Promise<IssuedSession> {
    const user = await this.repository.upsertUserByIdentity(scope, profile);
    this.principals.invalidate(user.id);
    const accessToken = newAccessToken();
    const expiresAt = new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000);
    await this.repository.createSession(user.id, profile.provider, hashAccessToken(accessToken), expiresAt);
    return { accessToken, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
  }

  /**
   * The session of a token the widget kept (see kept-login-cookie.ts), as a login answers it, with
   * when it was issued (the widget renews it halfway through its life); AUTH_REQUIRED once it was
   * revoked or has expired.
   */
  async keptSession(accessToken: string | undefined): Promise<KeptSessionView> {
    if (!accessToken || !looksLikeAccessToken(accessToken)) throw new AuthRequiredError('No login is kept in this browser.');
    const session = await this.repository.findUnrevokedSession(hashAccessToken(accessToken));
    if (!session || session.expiresAt <= new Date()) throw new AuthRequiredError('Your login has expired or was revoked; log in again.');
    return { accessToken, expiresAt: session.expiresAt.toISOString(), issuedAt: session.createdAt.toISOString(), user: toUserView(session.principal.user) };
  }

  /**
   * A new token for the caller's session, with a full lifetime, and the old one revoked: the widget
   * renews a kept login before it expires, so a reader who comes back stays logged in, while a
   * token that leaked stops working at the next renewal.
   */
  async renew(principal: Principal): Promise<IssuedSession> {
    const accessToken = newAccessToken();
    const expiresAt = new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000);
    const user = await this.repository.renewSession(principal.sessionId, hashAccessToken(accessToken), expiresAt, new Date());
    this.principals.invalidate(principal.user.id);
    if (!user) throw new AuthRequiredError('Your login has expired or was revoked; log in again.');
    return { accessToken, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
  }

  async logOut(principal: Principal): Promise<void> {
    await this.repository.revokeSession(principal.sessionId, new Date());
    this.principals.invalidate(principal.user.id);
  }

  /** For other modules: the user, or NOT_FOUND. */
  async requireUser(scope: SiteScope, userId: string): Promise<UserRecord> {
    const user = await this.repository.findUser(scope, userId);
    if (!user) throw new NotFoundError('The user');
    return user;
  }

  async usersById(scope: SiteScope, userIds: string[]): Promise<Map<string, UserRecord>> {
    const users = userIds.length ? await this.repository.findUsers(scope, [...new Set(userIds)]) : [];
    return new Map(users.map((user) => [user.id, user]));
  }

  /** This instance forgets the user's cached sessions at once (every instance hears of it from the database too). */
  forgetUser(userId: string): void {
    this.principals.invalidate(userId);
  }

  /** The (provider, subject) pairs the caller can log in with: more than one once accounts were linked. */
  identities(principal: Principal): Promise<IdentityRecord[]> {
    return this.repository.findIdentities(principal.home, principal.user.id);
  }

  async me(principal: Principal): Promise<UserView> {
    const user = await this.repository.findUser(principal.home, principal.user.id);
    if (!user) throw new AuthRequiredError();
    return toUserView(user);
  }
}
