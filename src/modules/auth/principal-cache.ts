import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { InvalidatedCache, invalidateOnNotice } from '@/common/caching/invalidated-cache.js';
import { DatabaseNotifications } from '@/database/database-notifications.js';
import type { SessionPrincipal } from './auth.types.js';

/** The channel triggers on `users` and `sessions` notify with a user id (see the migration). */
const PRINCIPAL_CHANGES = 'principal_changes';
const MAX_SESSIONS = 20_000;

export interface CachedSession {
  principal: SessionPrincipal;
  expiresAt: Date;
}

/**
 * The sessions behind recent bearer tokens, so an authenticated request costs no statement of its
 * own. A revocation, ban, role or name change is announced by the database with the user's id; every
 * instance then drops all that user's sessions, and the instance that made the change does so before
 * it answers. A token's user never changes, which is what lets a token be filed under its user.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly sessions = new InvalidatedCache<CachedSession>({ maxSize: MAX_SESSIONS, sizeOf: () => 1, ttlMs: 60_000, maxGroups: MAX_SESSIONS });
  private readonly userOfToken = new LRUCache<string, string>({ max: MAX_SESSIONS });

  constructor(private readonly notifications: DatabaseNotifications) {}

  async onModuleInit(): Promise<void> {
    // Streams end with DatabaseNotifications at shutdown: nothing to unsubscribe.
    invalidateOnNotice(this.notifications.listen(PRINCIPAL_CHANGES), this.sessions);
    await this.notifications.ready();
  }

  /** The session of a token (by its hash), from memory when this instance has seen the token. */
  async get(tokenHash: string, load: () => Promise<CachedSession | null>): Promise<CachedSession | null> {
    const userId = this.userOfToken.get(tokenHash);
    if (userId !== undefined) return this.sessions.get(userId, tokenHash, load);
    const session = await load();
    // Kept from the second request on: the first one has no user to file the token under yet.
    if (session) this.userOfToken.set(tokenHash, session.principal.user.id);
    return session;
  }

  /** This instance changed the user or one of their sessions. */
  invalidate(userId: string): void {
    this.sessions.invalidate(userId);
  }
}
