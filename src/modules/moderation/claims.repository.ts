import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { NotFoundError } from '@/common/errors/app-error.js';
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
  async claim(scope: SiteScope, commentId: string, moderatorId: string, until: Date): Promise<ClaimRecord> {
    return this.prisma.$transaction(async (tx) => {
      const [taken] = await tx.$queryRaw<{ comment_id: string; moderator_id: string; until: Date }[]>`
        INSERT INTO moderation_claims (comment_id, moderator_id, until)
        SELECT id, ${moderatorId}::uuid, ${until} FROM comments WHERE id = ${commentId}::uuid AND site_id = ${scope.siteId}
        ON CONFLICT (comment_id) DO UPDATE SET moderator_id = EXCLUDED.moderator_id, until = EXCLUDED.until
        WHERE moderation_claims.until < now() OR moderation_claims.moderator_id = EXCLUDED.moderator_id
        RETURNING comment_id, moderator_id, until`;
      if (taken) {
        const event: ClaimEvent = { type: 'comment.claimed', siteId: scope.siteId, commentId, moderatorId, until: until.toISOString() };
        await tx.$executeRaw`SELECT pg_notify(${MODERATION_EVENTS}, ${JSON.stringify(event)})`;
        return { commentId, moderatorId: taken.moderator_id, until: taken.until };
      }
      // Another moderator holds it; a comment of another site is simply not found.
      const [held] = await tx.$queryRaw<ClaimRecord[]>`
        SELECT m.comment_id::text AS "commentId", m.moderator_id::text AS "moderatorId", m.until
        FROM moderation_claims m JOIN comments c ON c.id = m.comment_id
        WHERE m.comment_id = ${commentId}::uuid AND c.site_id = ${scope.siteId}`;
      if (!held) throw new NotFoundError('The comment');
      return held;
    });
  }

  async release(scope: SiteScope, commentId: string, moderatorId: string): Promise<void> {
    await this.prisma.$executeRaw`
      DELETE FROM moderation_claims
      WHERE comment_id = ${commentId}::uuid AND moderator_id = ${moderatorId}::uuid
        AND EXISTS (SELECT 1 FROM comments WHERE id = ${commentId}::uuid AND site_id = ${scope.siteId})`;
  }

  /** Claims still in force on these of the site's comments. */
  async current(scope: SiteScope, commentIds: string[], now: Date): Promise<ClaimRecord[]> {
    if (commentIds.length === 0) return [];
    return this.prisma.$queryRaw<ClaimRecord[]>`
      SELECT m.comment_id::text AS "commentId", m.moderator_id::text AS "moderatorId", m.until
      FROM moderation_claims m JOIN comments c ON c.id = m.comment_id
      WHERE m.comment_id = ANY(${commentIds}::uuid[]) AND c.site_id = ${scope.siteId} AND m.until > ${now}`;
  }
}
