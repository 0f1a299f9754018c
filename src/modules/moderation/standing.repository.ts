import { Injectable } from '@nestjs/common';
import { SERVICE_ACCOUNT_PROVIDERS } from '@/modules/sites/automation-actor.repository.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { NotFoundError } from '@/common/errors/app-error.js';
import { PrismaService } from '@/database/prisma.service.js';
import type { Prisma } from '@/generated/prisma/client.js';
import { appendLogEntries, type NewLogEntry } from '@/modules/audit/audit-log.repository.js';
import type { Role, UserRecord } from '@/modules/auth/auth.types.js';
import { CommentLifecycleRepository } from '@/modules/comments/lifecycle/comment-lifecycle.repository.js';
import { queueMail, queueUserWebhook } from '@/modules/notifications/outbox/outbox-queue.js';
import type { AuthorTrust } from '@/modules/policy/engine/engine.js';
import { changeRole } from '@/modules/role-grants/role-change.js';

export interface StandingChange {
  actorId: string;
  reason: string;
}

export type UserWithTrust = UserRecord & { trust: AuthorTrust };

/**
 * A user's standing (ban, role, trust): each change one transaction with its audit entry, so the
 * log holds exactly the changes that happened.
 */
@Injectable()
export class StandingRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly comments: CommentLifecycleRepository,
  ) {}

  /**
   * Bans until `until` (or for good with null); with `rejectPending`, every comment of the user still
   * waiting for review is rejected in the same transaction.
   */
  async ban(
    scope: SiteScope,
    userId: string,
    until: Date | null,
    change: StandingChange & { rejectPending: boolean },
  ): Promise<{ user: UserWithTrust; rejected: string[] }> {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({ where: { id: userId, siteId: scope.siteId }, data: { bannedAt: new Date(), bannedUntil: until } });
      await appendLogEntries(tx, scope, [
        { ...entry(change, until ? 'suspend' : 'ban', userId), details: { until: until?.toISOString() ?? null, rejectPending: change.rejectPending } },
      ]);
      const rejected = change.rejectPending ? await this.comments.rejectPendingOf(tx, scope, userId, change.actorId, change.reason) : [];
      const action = until ? 'suspend' : 'ban';
      await queueMail(tx, scope, userId, { kind: 'standing', action, until: until?.toISOString() ?? null, reason: change.reason || null });
      await queueUserWebhook(tx, scope, 'user.banned', {
        userId,
        action,
        until: until?.toISOString() ?? null,
        reason: change.reason || null,
        moderatorId: change.actorId,
      });
      return { user, rejected };
    });
  }

  liftBan(scope: SiteScope, userId: string, change: StandingChange): Promise<UserWithTrust> {
    return this.changeUser(scope, userId, () => ({ data: { bannedAt: null, bannedUntil: null }, logEntry: entry(change, 'unban', userId) }));
  }

  /** Through `changeRole`, as every role change. */
  setRole(scope: SiteScope, userId: string, role: Role, change: StandingChange): Promise<UserWithTrust> {
    return this.prisma.$transaction((tx) => changeRole(tx, scope, userId, role, change));
  }

  /**
   * Moves the author's posting version too: a post judged on the old trust and not yet stored is
   * judged again. Setting the trust the author already has changes and logs nothing.
   */
  setTrust(scope: SiteScope, userId: string, trust: AuthorTrust, change: StandingChange): Promise<UserWithTrust> {
    return this.changeUser(scope, userId, (before) =>
      before.trust === trust
        ? null
        : {
            data: { trust, postingVersion: { increment: 1 } },
            logEntry: { ...entry(change, 'trust_change', userId), details: { from: before.trust, to: trust } },
          },
    );
  }

  /** A person of the site: the service's own accounts are not found. */
  findUser(scope: SiteScope, userId: string): Promise<UserWithTrust | null> {
    return this.prisma.user.findUnique({ where: { id: userId, siteId: scope.siteId, provider: { notIn: SERVICE_ACCOUNT_PROVIDERS } } });
  }

  /** One change of a user, decided on the user as locked (`null`: nothing to change), with its log entry. */
  private changeUser(scope: SiteScope, userId: string, plan: (before: UserWithTrust) => UserChange | null): Promise<UserWithTrust> {
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId}::uuid AND site_id = ${scope.siteId} FOR UPDATE`;
      if (!locked) throw new NotFoundError('The user');
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
      const change = plan(before);
      if (!change) return before;
      const user = await tx.user.update({ where: { id: userId }, data: change.data });
      await appendLogEntries(tx, scope, [change.logEntry]);
      return user;
    });
  }
}

interface UserChange {
  data: Prisma.UserUpdateInput;
  logEntry: NewLogEntry;
}

function entry(change: StandingChange, action: string, targetUserId: string): NewLogEntry {
  return { actorId: change.actorId, action, targetUserId, reason: change.reason };
}
