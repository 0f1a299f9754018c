import { Injectable } from '@nestjs/common';
import type { AccountExport } from '@/contract/account.js';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import type { AccountDeletionMode } from '@/modules/sites/site.types.js';

/**
 * The deleted-account stand-in of the site of the row aliased `row` (every site has one, made with
 * the site): a row keeps an author or an actor of its own site.
 */
const standInOf = (row: string) => Prisma.sql`(SELECT d.id FROM users d WHERE d.site_id = ${Prisma.raw(row)}.site_id AND d.provider = 'deleted')`;

type ExportRows = Omit<AccountExport, 'exportedAt' | 'user'>;

@Injectable()
export class AccountRepository {
  constructor(private readonly prisma: PrismaService) {}

  async exportRows(userId: string): Promise<ExportRows> {
    const [identities, settings, comments, likes, reports] = await Promise.all([
      this.prisma.identity.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
      this.prisma.notificationSetting.findUnique({ where: { userId } }),
      this.prisma.comment.findMany({
        where: { authorId: userId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: { revisions: { orderBy: { writtenAt: 'asc' } } },
      }),
      this.prisma.commentLike.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
      this.prisma.commentReport.findMany({ where: { reporterId: userId }, orderBy: { createdAt: 'asc' } }),
    ]);
    return {
      identities: identities.map((identity) => ({
        provider: identity.provider,
        subject: identity.subject,
        email: identity.email,
        emailVerified: identity.emailVerified,
        createdAt: identity.createdAt.toISOString(),
      })),
      notificationSettings: settings && {
        email: settings.email,
        emailVerified: settings.emailVerified,
        locale: settings.locale,
        reply: settings.onReply,
        decision: settings.onDecision,
        standing: settings.onStanding,
        delivery: settings.delivery,
      },
      comments: comments.map((comment) => ({
        id: comment.id,
        articleId: comment.articleId,
        parentId: comment.parentId,
        body: comment.body,
        status: comment.status,
        createdAt: comment.createdAt.toISOString(),
        editedAt: comment.editedAt?.toISOString() ?? null,
        deletedAt: comment.deletedAt?.toISOString() ?? null,
        likeCount: comment.likeCount,
        replyCount: comment.replyCount,
        decisionReason: comment.decisionReason,
        revisions: comment.revisions.map((revision) => ({
          body: revision.body,
          writtenAt: revision.writtenAt.toISOString(),
          replacedAt: revision.replacedAt.toISOString(),
        })),
      })),
      likes: likes.map((like) => ({ commentId: like.commentId, createdAt: like.createdAt.toISOString() })),
      reports: reports.map((report) => ({ commentId: report.commentId, reason: report.reason, note: report.note, createdAt: report.createdAt.toISOString() })),
    };
  }

  /**
   * Deletes the account in one transaction. Identities, sessions, settings, queued mail, likes and
   * reports go (the counts they fed move with them); comments stay in their threads under their
   * site's deleted-account stand-in, their text kept (`anonymise`) or removed with their status set
   * to deleted (`delete`, so the visible counts follow by the status trigger). Moderation log entries
   * keep what the moderator did and why; only the account is replaced by the stand-in. `scope` is the
   * account's own site, whose setting `mode` is.
   * Returns the articles whose pages changed, or null when the user is gone already.
   */
  async deleteAccount(scope: SiteScope, userId: string, mode: AccountDeletionMode): Promise<string[] | null> {
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string; stand_in: string }[]>`
        SELECT u.id, ${standInOf('u')} AS stand_in FROM users u
        WHERE u.id = ${userId}::uuid AND u.site_id = ${scope.siteId} AND u.provider <> 'deleted' FOR UPDATE`;
      if (!locked) return null;
      const gone = locked.stand_in;
      await tx.$executeRaw`
        WITH removed AS (DELETE FROM comment_likes WHERE user_id = ${userId}::uuid RETURNING comment_id)
        UPDATE comments c SET like_count = c.like_count - r.n
        FROM (SELECT comment_id, count(*)::int AS n FROM removed GROUP BY comment_id) r WHERE c.id = r.comment_id`;
      await tx.$executeRaw`
        WITH removed AS (DELETE FROM comment_reports WHERE reporter_id = ${userId}::uuid RETURNING comment_id, created_at)
        UPDATE comments c SET report_count = c.report_count - r.n, open_reports = greatest(0, c.open_reports - r.open)
        FROM (SELECT rm.comment_id, count(*)::int AS n,
                     count(*) FILTER (WHERE rm.created_at > coalesce(cm.decided_at, '-infinity'))::int AS open
              FROM removed rm JOIN comments cm ON cm.id = rm.comment_id GROUP BY rm.comment_id) r
        WHERE c.id = r.comment_id`;
      await tx.$executeRaw`DELETE FROM comment_revisions WHERE comment_id IN (SELECT id FROM comments WHERE author_id = ${userId}::uuid)`;
      const articles = await tx.$queryRaw<{ site_id: string; article_id: string }[]>`
        UPDATE comments c SET author_id = ${standInOf('c')}, idempotency_key = NULL
          ${mode === 'delete' ? Prisma.sql`, body = '', status = 'deleted', deleted_at = coalesce(deleted_at, now())` : Prisma.empty}
        WHERE author_id = ${userId}::uuid
        RETURNING site_id, article_id`;
      // An operator acts on every site: each row gets the stand-in of its own site.
      await tx.$executeRaw`UPDATE comments c SET decided_by_id = ${standInOf('c')} WHERE decided_by_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE moderation_log l SET target_user_id = ${standInOf('l')} WHERE target_user_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE moderation_log l SET actor_id = ${standInOf('l')} WHERE actor_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE article_groups g SET created_by_id = ${standInOf('g')} WHERE created_by_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE policy_versions v SET created_by_id = ${standInOf('v')} WHERE created_by_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE webhook_endpoints e SET created_by_id = ${standInOf('e')} WHERE created_by_id = ${userId}::uuid`;
      await tx.$executeRaw`DELETE FROM moderation_claims WHERE moderator_id = ${userId}::uuid`;
      await tx.$executeRaw`DELETE FROM idempotency_records WHERE user_id = ${userId}::uuid`;
      await tx.$executeRaw`DELETE FROM rate_limit_buckets WHERE key LIKE ${`%:${userId}`}`;
      await tx.$executeRaw`DELETE FROM outbox WHERE recipient_id = ${userId}::uuid`;
      // Webhook deliveries (sent or not) name the account in their payload.
      await tx.$executeRaw`
        UPDATE outbox o SET payload = replace(payload::text, ${userId}, ${standInOf('o')}::text)::jsonb
        WHERE endpoint_id IS NOT NULL AND payload::text LIKE ${`%${userId}%`}`;
      // Identities, sessions and notification settings go with the user (ON DELETE CASCADE).
      await tx.$executeRaw`DELETE FROM users WHERE id = ${userId}::uuid`;
      const changed = [...new Set(articles.map((row) => row.article_id))];
      // Public pages show authors' names: every instance drops those of the articles concerned.
      for (const articleId of changed) {
        await tx.$executeRaw`SELECT pg_notify('comment_changes', json_build_object('siteId', ${scope.siteId}::text, 'articleId', ${articleId}::text, 'authorId', ${gone}::text, 'public', true)::text)`;
      }
      return changed;
    });
  }
}
