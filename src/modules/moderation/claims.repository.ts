import { Injectable } from '@nestjs/common';
import type { ClaimEvent } from '@/contract/moderation-events.js';
import { PrismaService } from '@/database/prisma.service.js';
import { MODERATION_EVENTS } from '@/modules/comments/lifecycle/moderation-events.js';

export interface ClaimRecord {
  commentId: string;
  moderatorId: string;
  until: Date;
}

@Injectable()
export class ClaimsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Takes the claim when it is free, expired or already ours; otherwise leaves the other
   * moderator's claim in place. Either way returns the claim now in force.
   */
  async claim(commentId: string, moderatorId: string, until: Date): Promise<ClaimRecord> {
    return this.prisma.$transaction(async (tx) => {
      const [taken] = await tx.$queryRaw<{ comment_id: string; moderator_id: string; until: Date }[]>`
        INSERT INTO moderation_claims (comment_id, moderator_id, until) VALUES (${commentId}::uuid, ${moderatorId}::uuid, ${until})
        ON CONFLICT (comment_id) DO UPDATE SET moderator_id = EXCLUDED.moderator_id, until = EXCLUDED.until
        WHERE moderation_claims.until < now() OR moderation_claims.moderator_id = EXCLUDED.moderator_id
        RETURNING comment_id, moderator_id, until`;
      if (taken) {
        const event: ClaimEvent = { type: 'comment.claimed', commentId, moderatorId, until: until.toISOString() };
        await tx.$executeRaw`SELECT pg_notify(${MODERATION_EVENTS}, ${JSON.stringify(event)})`;
        return { commentId, moderatorId: taken.moderator_id, until: taken.until };
      }
      const held = await tx.moderationClaim.findUniqueOrThrow({ where: { commentId } });
      return held;
    });
  }

  async release(commentId: string, moderatorId: string): Promise<void> {
    await this.prisma.moderationClaim.deleteMany({ where: { commentId, moderatorId } });
  }

  /** Claims still in force on these comments. */
  async current(commentIds: string[], now: Date): Promise<ClaimRecord[]> {
    if (commentIds.length === 0) return [];
    return this.prisma.moderationClaim.findMany({ where: { commentId: { in: commentIds }, until: { gt: now } } });
  }
}
