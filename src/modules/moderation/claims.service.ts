import { Injectable } from '@nestjs/common';
import { AuthService } from '@/modules/auth/auth.service.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import type { ClaimView, QueuePage } from '@/contract/moderation-queue.js';
import { QueuesService, type UnclaimedQueuePage } from './queues.service.js';
import { ClaimsRepository } from './claims.repository.js';

/** How long a soft claim lasts without being renewed. */
const CLAIM_MS = 5 * 60_000;

/**
 * Soft claims: a moderator opening an item marks it for a few minutes, so others see who is on it.
 * Nothing is locked: decisions stay safe through their own conditional updates.
 */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly comments: QueuesService,
    private readonly auth: AuthService,
  ) {}

  async claim(actor: Principal, commentId: string): Promise<ClaimView> {
    await this.comments.requireDecidable(actor.site, commentId);
    const claim = await this.claims.claim(actor.site, commentId, actor.user.id, new Date(Date.now() + CLAIM_MS));
    const names = await this.auth.usersById(actor.site, [claim.moderatorId]);
    return toView(claim, actor.user.id, names.get(claim.moderatorId)?.displayName ?? '');
  }

  release(actor: Principal, commentId: string): Promise<void> {
    return this.claims.release(actor.site, commentId, actor.user.id);
  }

  /** A queue page with, on each item, who is looking at it now (or null). */
  async annotate(actor: Principal, page: UnclaimedQueuePage): Promise<QueuePage> {
    const claims = await this.claims.current(
      actor.site,
      page.items.map((item) => item.comment.id),
      new Date(),
    );
    const names = await this.auth.usersById(
      actor.site,
      claims.map((claim) => claim.moderatorId),
    );
    const byComment = new Map(claims.map((claim) => [claim.commentId, toView(claim, actor.user.id, names.get(claim.moderatorId)?.displayName ?? '')]));
    return { ...page, items: page.items.map((item) => ({ ...item, claim: byComment.get(item.comment.id) ?? null })) };
  }
}

function toView(claim: { commentId: string; moderatorId: string; until: Date }, viewerId: string, displayName: string): ClaimView {
  return {
    commentId: claim.commentId,
    moderator: { id: claim.moderatorId, displayName },
    until: claim.until.toISOString(),
    mine: claim.moderatorId === viewerId,
  };
}
