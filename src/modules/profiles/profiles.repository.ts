import { Injectable } from '@nestjs/common';
import type { PublicProfile } from '@/contract/profiles.js';
import { PrismaService } from '@/database/prisma.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

interface StatsRow {
  likes_received: number;
  written: number;
  deleted_by_author: number;
}

@Injectable()
export class ProfilesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Null for an unknown user (or another site's), or the stand-in of deleted accounts (which has no login, and no one's record). */
  async find(scope: SiteScope, userId: string, commentLimit: number): Promise<PublicProfile | null> {
    const user = await this.prisma.user.findFirst({
      where: { id: userId, siteId: scope.siteId, identities: { some: {} } },
      select: { id: true, displayName: true, createdAt: true },
    });
    if (!user) return null;
    const [[stats], comments] = await Promise.all([
      // A deletion by the author is told apart from a moderator's by its log entry.
      this.prisma.$queryRaw<StatsRow[]>`
        SELECT (SELECT coalesce(sum(like_count), 0)::int FROM comments WHERE author_id = ${userId}::uuid AND status = 'published') AS likes_received,
               count(*)::int AS written,
               (count(*) FILTER (WHERE c.status = 'deleted' AND EXISTS (
                  SELECT 1 FROM moderation_log l WHERE l.comment_id = c.id AND l.action = 'delete' AND l.actor_id = c.author_id)))::int AS deleted_by_author
        FROM comments c
        WHERE c.author_id = ${userId}::uuid AND c.created_at > now() - interval '30 days'`,
      this.prisma.comment.findMany({
        where: { authorId: userId, status: 'published' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: commentLimit,
        select: { id: true, body: true, createdAt: true, likeCount: true, article: { select: { id: true, title: true, url: true } } },
      }),
    ]);
    const { written, deleted_by_author: deletedByAuthor, likes_received: likesReceived } = stats!;
    return {
      user: { id: user.id, displayName: user.displayName, joinedAt: user.createdAt.toISOString() },
      likesReceived,
      last30Days: { written, deletedByAuthor, deletionRatio: written === 0 ? 0 : Math.round((deletedByAuthor / written) * 1000) / 1000 },
      comments: comments.map((comment) => ({ ...comment, createdAt: comment.createdAt.toISOString() })),
    };
  }
}
