import { Injectable } from '@nestjs/common';
import { ForbiddenError, ValidationFailedError } from '@/common/errors/app-error.js';
import { AuthService } from '@/modules/auth/auth.service.js';
import { type Principal, toUserView, type UserView } from '@/modules/auth/auth.types.js';
import { CommentModerationService } from '@/modules/comments/moderation/comment-moderation.service.js';
import { AuditLogService } from '@/modules/audit/audit-log.service.js';
import type { BanDto, RoleDto } from './moderation.dto.js';

/** Bans, suspensions and roles: who may write, and who may moderate. */
@Injectable()
export class BansService {
  constructor(
    private readonly auth: AuthService,
    private readonly comments: CommentModerationService,
    private readonly log: AuditLogService,
  ) {}

  async ban(actor: Principal, userId: string, dto: BanDto): Promise<UserView> {
    const target = await this.auth.requireUser(userId);
    if (target.id === actor.user.id) throw new ValidationFailedError('You cannot ban yourself.');
    if (target.role !== 'reader' && actor.user.role !== 'admin') throw new ForbiddenError('Only an admin can ban a moderator or an admin.');
    const until = dto.until === null ? null : new Date(dto.until);
    if (until && until.getTime() <= Date.now()) throw new ValidationFailedError('until: the end of a suspension must be in the future');
    const user = await this.auth.ban(userId, until);
    const rejected = dto.rejectPending ? await this.comments.rejectPendingOf(userId, actor.user.id, dto.reason) : [];
    await this.log.record(
      { actorId: actor.user.id, action: until ? 'suspend' : 'ban', targetUserId: userId, reason: dto.reason, details: { until: until?.toISOString() ?? null } },
      ...rejected.map((commentId) => ({ actorId: actor.user.id, action: 'reject', commentId, targetUserId: userId, reason: dto.reason, details: { partOfBan: true } })),
    );
    return toUserView(user);
  }

  async lift(actor: Principal, userId: string, reason: string): Promise<UserView> {
    await this.auth.requireUser(userId);
    const user = await this.auth.liftBan(userId);
    await this.log.record({ actorId: actor.user.id, action: 'unban', targetUserId: userId, reason });
    return toUserView(user);
  }

  async setRole(actor: Principal, userId: string, dto: RoleDto): Promise<UserView> {
    const target = await this.auth.requireUser(userId);
    if (target.id === actor.user.id) throw new ValidationFailedError('You cannot change your own role.');
    const user = await this.auth.setRole(userId, dto.role);
    await this.log.record({ actorId: actor.user.id, action: 'role_change', targetUserId: userId, reason: dto.reason, details: { from: target.role, to: dto.role } });
    return toUserView(user);
  }
}
