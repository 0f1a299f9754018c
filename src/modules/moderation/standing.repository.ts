import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { Prisma } from '@/generated/prisma/client.js';
import { appendLogEntries, type NewLogEntry } from '@/modules/audit/audit-log.repository.js';
import type { Role, UserRecord } from '@/modules/auth/auth.types.js';
import { CommentLifecycleRepository } from '@/modules/comments/lifecycle/comment-lifecycle.repository.js';
import type { AuthorTrust } from '@/modules/policy/engine/engine.js';

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
  async ban(userId: string, until: Date | null, change: StandingChange & { rejectPending: boolean }): Promise<{ user: UserWithTrust; rejected: string[] }> {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({ where: { id: userId }, data: { bannedAt: new Date(), bannedUntil: until } });
      await appendLogEntries(tx, [
        { ...entry(change, until ? 'suspend' : 'ban', userId), details: { until: until?.toISOString() ?? null, rejectPending: change.rejectPending } },
      ]);
      const rejected = change.rejectPending ? await this.comments.rejectPendingOf(tx, userId, change.actorId, change.reason) : [];
      return { user, rejected };
    });
  }

  liftBan(userId: string, change: StandingChange): Promise<UserWithTrust> {
    return this.changeUser(userId, { bannedAt: null, bannedUntil: null }, entry(change, 'unban', userId));
  }

  setRole(userId: string, role: Role, from: Role, change: StandingChange): Promise<UserWithTrust> {
    return this.changeUser(userId, { role }, { ...entry(change, 'role_change', userId), details: { from, to: role } });
  }

  setTrust(userId: string, trust: AuthorTrust, from: AuthorTrust, change: StandingChange): Promise<UserWithTrust> {
    return this.changeUser(userId, { trust }, { ...entry(change, 'trust_change', userId), details: { from, to: trust } });
  }

  findUser(userId: string): Promise<UserWithTrust | null> {
    return this.prisma.user.findUnique({ where: { id: userId } });
  }

  private changeUser(userId: string, data: Prisma.UserUpdateInput, logEntry: NewLogEntry): Promise<UserWithTrust> {
    return this.prisma.$transaction(async (tx) => {
      const user = await tx.user.update({ where: { id: userId }, data });
      await appendLogEntries(tx, [logEntry]);
      return user;
    });
  }
}

function entry(change: StandingChange, action: string, targetUserId: string): NewLogEntry {
  return { actorId: change.actorId, action, targetUserId, reason: change.reason };
}
