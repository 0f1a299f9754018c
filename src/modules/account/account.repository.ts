import { Injectable } from '@nestjs/common';
import type { AccountExport } from '@/contract/account.js';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { SiteSettings } from '@/config/notifications-config.js';

/** Stands in for a deleted account wherever a row must keep an author or an actor (see its migration). */
export const DELETED_ACCOUNT_ID = '00000000-0000-7000-8000-00000000dead';

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
   * reports go (the counts they fed move with them); comments stay in their threads under the
   * deleted-account stand-in, their text kept (`anonymise`) or removed with their status set to
   * deleted (`delete`, so the visible counts follow by the status trigger). Moderation log entries
   * keep what the moderator did and why; only the account is replaced by the stand-in.
   * Returns the articles whose pages changed, or null when the user is gone already.
   */
  async deleteAccount(userId: string, mode: SiteSettings['accountDeletion']): Promise<string[] | null> {
    const gone = DELETED_ACCOUNT_ID;
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId}::uuid AND id <> ${gone}::uuid FOR UPDATE`;
      if (!locked) return null;
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
      const articles = await tx.$queryRaw<{ article_id: string }[]>`
        UPDATE comments SET author_id = ${gone}::uuid, idempotency_key = NULL
          ${mode === 'delete' ? Prisma.sql`, body = '', status = 'deleted', deleted_at = coalesce(deleted_at, now())` : Prisma.empty}
        WHERE author_id = ${userId}::uuid
        RETURNING article_id`;
      await tx.$executeRaw`UPDATE comments SET decided_by_id = ${gone}::uuid WHERE decided_by_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE moderation_log SET target_user_id = ${gone}::uuid WHERE target_user_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE moderation_log SET actor_id = ${gone}::uuid WHERE actor_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE article_groups SET created_by_id = ${gone}::uuid WHERE created_by_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE policy_versions SET created_by_id = ${gone}::uuid WHERE created_by_id = ${userId}::uuid`;
      await tx.$executeRaw`UPDATE webhook_endpoints SET created_by_id = ${gone}::uuid WHERE created_by_id = ${userId}::uuid`;
      await tx.$executeRaw`DELETE FROM moderation_claims WHERE moderator_id = ${userId}::uuid`;
      await tx.$executeRaw`DELETE FROM idempotency_records WHERE user_id = ${userId}::uuid`;
      await tx.$executeRaw`DELETE FROM rate_limit_buckets WHERE key LIKE ${`%:${userId}`}`;
      await tx.$executeRaw`DELETE FROM outbox WHERE recipient_id = ${userId}::uuid`;
      // Webhook deliveries (sent or not) name the account in their payload.
      await tx.$executeRaw`
        UPDATE outbox SET payload = replace(payload::text, ${userId}, ${gone})::jsonb WHERE endpoint_id IS NOT NULL AND payload::text LIKE ${`%${userId}%`}`;
      // Identities, sessions and notification settings go with the user (ON DELETE CASCADE).
      await tx.$executeRaw`DELETE FROM users WHERE id = ${userId}::uuid`;
      const changed = [...new Set(articles.map((row) => row.article_id))];
      // Public pages show authors' names: every instance drops those of the articles concerned.
      for (const articleId of changed) {
        await tx.$executeRaw`SELECT pg_notify('comment_changes', json_build_object('articleId', ${articleId}::text, 'authorId', ${gone}::text, 'public', true)::text)`;
      }
      return changed;
    });
  }
}
