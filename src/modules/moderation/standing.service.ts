import { Injectable } from '@nestjs/common';
import { hasRole } from '@/modules/auth/auth.guard.js';
import { ForbiddenError, NotFoundError, ValidationFailedError } from '@/common/errors/app-error.js';
import { AuthService } from '@/modules/auth/auth.service.js';
import { type Principal, toUserView, type UserView } from '@/modules/auth/auth.types.js';
import type { TrustView } from '@/contract/users.js';
import type { BanDto, RoleDto, TrustDto } from './moderation.dto.js';
import { StandingRepository, type UserWithTrust } from './standing.repository.js';

/** Bans, suspensions, roles and trust: who may write, who may moderate, whose comments are reviewed first. */
@Injectable()
export class StandingService {
  constructor(
    private readonly standing: StandingRepository,
    private readonly auth: AuthService,
  ) {}

  async ban(actor: Principal, userId: string, dto: BanDto): Promise<UserView> {
    const target = await this.requireUser(actor, userId);
    if (target.id === actor.user.id) throw new ValidationFailedError('You cannot ban yourself.');
    if (target.role !== 'reader' && !hasRole(actor.user.role, 'admin')) throw new ForbiddenError('Only an admin can ban a moderator or an admin.');
    const until = dto.until === null ? null : new Date(dto.until);
    if (until && until.getTime() <= Date.now()) throw new ValidationFailedError('until: the end of a suspension must be in the future');
    const { user } = await this.changing(
      userId,
      this.standing.ban(actor.site, userId, until, { actorId: actor.user.id, reason: dto.reason, rejectPending: dto.rejectPending }),
    );
    return toUserView(user);
  }

  async lift(actor: Principal, userId: string, reason: string): Promise<UserView> {
    await this.requireUser(actor, userId);
    return toUserView(await this.changing(userId, this.standing.liftBan(actor.site, userId, { actorId: actor.user.id, reason })));
  }

  async setRole(actor: Principal, userId: string, dto: RoleDto): Promise<UserView> {
    const target = await this.requireUser(actor, userId);
    if (target.id === actor.user.id) throw new ValidationFailedError('You cannot change your own role.');
    if (target.role === 'operator') throw new ForbiddenError("An operator's role is the deployment's, not a site's.");
    return toUserView(await this.changing(userId, this.standing.setRole(actor.site, userId, dto.role, { actorId: actor.user.id, reason: dto.reason })));
  }

  /** A moderator's word on an author: `trusted` skips the new-account review, `watched` has every comment reviewed. */
  async setTrust(actor: Principal, userId: string, dto: TrustDto): Promise<TrustView> {
    const target = await this.requireUser(actor, userId);
    if (target.id === actor.user.id) throw new ValidationFailedError('You cannot change your own trust.');
    if (target.role !== 'reader' && !hasRole(actor.user.role, 'admin')) throw new ForbiddenError("Only an admin can change a moderator's or an admin's trust.");
    const user = await this.standing.setTrust(actor.site, userId, dto.trust, { actorId: actor.user.id, reason: dto.reason });
    return { userId: user.id, trust: user.trust };
  }

  /** A user of the actor's site: another site's users are NOT_FOUND. */
  private async requireUser(actor: Principal, userId: string): Promise<UserWithTrust> {
    const user = await this.standing.findUser(actor.site, userId);
    if (!user) throw new NotFoundError('The user');
    return user;
  }

  /** The user's cached sessions go once the change is in (other instances hear it from the database). */
  private async changing<T>(userId: string, change: Promise<T>): Promise<T> {
    try {
      return await change;
    } finally {
      this.auth.forgetUser(userId);
    }
  }
}
