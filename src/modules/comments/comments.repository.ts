import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { Prisma } from '@/generated/prisma/client.js';
import type { CommentCursor } from './comment-cursor.js';
import type { CommentSort, CommentStatus, ReportReason } from './comments.dto.js';
import { announce } from './moderation/moderation-events.js';

export interface CommentRecord {
  id: string;
  articleId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  body: string;
  status: CommentStatus;
  verdict: unknown;
  replyCount: number;
  likeCount: number;
  reportCount: number;
  createdAt: Date;
  /** Set once a moderator decided it. */
  decisionReason: string | null;
  decidedAt: Date | null;
}

export interface NewComment {
  articleId: string;
  parentId: string | null;
  authorId: string;
  body: string;
  status: CommentStatus;
  verdict: object;
  ruleIds: string[];
  idempotencyKey: string | null;
}

export interface AuthorActivity {
  approvedCount: number;
  rejectedCount: number;
  postedToday: number;
  postedOnArticle: number;
  priorComments: number;
  recent: { body: string; postedAt: Date }[];
}

export interface CommentPageQuery {
  articleId: string;
  parentId: string | null;
  sort: CommentSort;
  limit: number;
  after?: CommentCursor | undefined;
  /** A logged-in reader also sees their own pending comments. */
  viewerId?: string | undefined;
}

const withAuthor = { author: { select: { displayName: true } } } as const;
type CommentRow = Prisma.CommentGetPayload<{ include: typeof withAuthor }>;

function toRecord(row: CommentRow): CommentRecord {
  return {
    id: row.id,
    articleId: row.articleId,
    parentId: row.parentId,
    authorId: row.authorId,
    authorName: row.author.displayName,
    body: row.body,
    status: row.status,
    verdict: row.verdict,
    replyCount: row.replyCount,
    likeCount: row.likeCount,
    reportCount: row.reportCount,
    createdAt: row.createdAt,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt,
  };
}

/** Counts that follow a comment's visibility: the article's comment count and its parent's reply count. */
async function adjustCounts(tx: Prisma.TransactionClient, comment: { articleId: string; parentId: string | null }, by: 1 | -1): Promise<void> {
  await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: by } } });
  if (comment.parentId) await tx.comment.update({ where: { id: comment.parentId }, data: { replyCount: { increment: by } } });
}

@Injectable()
export class CommentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findById(id: string): Promise<CommentRecord | null> {
    const row = await this.prisma.comment.findUnique({ where: { id }, include: withAuthor });
    return row && toRecord(row);
  }

  async findByIdempotencyKey(authorId: string, idempotencyKey: string): Promise<CommentRecord | null> {
    const row = await this.prisma.comment.findUnique({ where: { authorId_idempotencyKey: { authorId, idempotencyKey } }, include: withAuthor });
    return row && toRecord(row);
  }

  /** Stores a comment; a published one counts at once, in the same transaction. */
  async create(comment: NewComment): Promise<CommentRecord> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.comment.create({
        data: { ...comment, verdict: comment.verdict as Prisma.InputJsonObject, ruleIds: [...new Set(comment.ruleIds)] },
        include: withAuthor,
      });
      if (comment.status === 'published') await adjustCounts(tx, comment, 1);
      else await announce(tx, { type: 'comment.queued', commentId: row.id, articleId: row.articleId, status: row.status });
      return toRecord(row);
    });
  }

  /**
   * Marks a comment deleted (its row stays, so replies keep their place). Returns false when it
   * already was. The row is locked first, so a concurrent decision cannot count it twice.
   */
  async markDeleted(id: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const [current] = await tx.$queryRaw<{ status: CommentStatus; article_id: string; parent_id: string | null }[]>`
        SELECT status, article_id, parent_id FROM comments WHERE id = ${id}::uuid FOR UPDATE`;
      if (!current || current.status === 'deleted') return false;
      await tx.comment.update({ where: { id }, data: { status: 'deleted', deletedAt: new Date() } });
      if (current.status === 'published') await adjustCounts(tx, { articleId: current.article_id, parentId: current.parent_id }, -1);
      await announce(tx, { type: 'comment.deleted', commentId: id, articleId: current.article_id, status: 'deleted' });
      return true;
    });
  }

  /** What the policy weighs about an author; quotas count what was posted, not what the policy refused. */
  async authorActivity(authorId: string, articleId: string, recentSince: Date): Promise<AuthorActivity> {
    const [counts] = await this.prisma.$queryRaw<
      { approved: number; rejected: number; today: number; on_article: number; prior: number }[]
    >`
      SELECT count(*) FILTER (WHERE status = 'published')::int AS approved,
             count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
             count(*) FILTER (WHERE status <> 'rejected'
                              AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int AS today,
             count(*) FILTER (WHERE status <> 'rejected' AND article_id = ${articleId})::int AS on_article,
             count(*)::int AS prior
      FROM comments WHERE author_id = ${authorId}::uuid`;
    const recent = await this.prisma.comment.findMany({
      where: { authorId, createdAt: { gte: recentSince } },
      orderBy: { createdAt: 'desc' },
      take: 20,
      select: { body: true, createdAt: true },
    });
    return {
      approvedCount: counts!.approved,
      rejectedCount: counts!.rejected,
      postedToday: counts!.today,
      postedOnArticle: counts!.on_article,
      priorComments: counts!.prior,
      recent: recent.map((row) => ({ body: row.body, postedAt: row.createdAt })),
    };
  }

  /** One page in keyset order; `limit + 1` rows are read to know whether another page follows. */
  async page(query: CommentPageQuery): Promise<CommentRecord[]> {
    const visible: Prisma.CommentWhereInput[] = [{ status: 'published' }];
    // An author also sees their own comments waiting for review, and those a moderator rejected (with why).
    if (query.viewerId) visible.push({ status: 'pending', authorId: query.viewerId }, { status: 'rejected', authorId: query.viewerId, decidedAt: { not: null } });
    // A deleted comment keeps its place while it has replies to show.
    if (!query.parentId) visible.push({ status: 'deleted', replyCount: { gt: 0 } });
    const rows = await this.prisma.comment.findMany({
      where: {
        articleId: query.articleId,
        parentId: query.parentId,
        AND: [{ OR: visible }, ...(query.after ? [afterCursor(query.after)] : [])],
      },
      orderBy: orderFor(query.sort),
      take: query.limit + 1,
      include: withAuthor,
    });
    return rows.map(toRecord);
  }

  async likedBy(userId: string, commentIds: string[]): Promise<Set<string>> {
    if (commentIds.length === 0) return new Set();
    const likes = await this.prisma.commentLike.findMany({ where: { userId, commentId: { in: commentIds } }, select: { commentId: true } });
    return new Set(likes.map((like) => like.commentId));
  }

  /** Adds or removes one reader's like; the count moves only when the like itself did. */
  async setLike(commentId: string, userId: string, liked: boolean): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const changed = liked
        ? await tx.$executeRaw`INSERT INTO comment_likes (comment_id, user_id) VALUES (${commentId}::uuid, ${userId}::uuid) ON CONFLICT DO NOTHING`
        : await tx.$executeRaw`DELETE FROM comment_likes WHERE comment_id = ${commentId}::uuid AND user_id = ${userId}::uuid`;
      const comment = changed
        ? await tx.comment.update({ where: { id: commentId }, data: { likeCount: { increment: liked ? 1 : -1 } }, select: { likeCount: true } })
        : await tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: { likeCount: true } });
      return comment.likeCount;
    });
  }

  /**
   * Records one reader's report; a repeat by the same reader changes nothing. When the open reports
   * reach `requeueAt`, a published comment goes back to the pending queue and out of public view.
   */
  async addReport(
    commentId: string,
    reporterId: string,
    report: { reason: ReportReason; note: string | undefined },
    requeueAt: number,
  ): Promise<{ created: boolean; requeued: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      const created =
        (await tx.$executeRaw`
          INSERT INTO comment_reports (comment_id, reporter_id, reason, note)
          VALUES (${commentId}::uuid, ${reporterId}::uuid, ${report.reason}::"ReportReason", ${report.note ?? null})
          ON CONFLICT DO NOTHING`) === 1;
      if (!created) return { created, requeued: false };
      const [row] = await tx.$queryRaw<{ open_reports: number; status: CommentStatus; article_id: string; parent_id: string | null }[]>`
        UPDATE comments SET report_count = report_count + 1, open_reports = open_reports + 1
        WHERE id = ${commentId}::uuid RETURNING open_reports, status, article_id, parent_id`;
      const requeued = row!.status === 'published' && row!.open_reports >= requeueAt;
      if (requeued) {
        await tx.comment.update({ where: { id: commentId }, data: { status: 'pending' } });
        await adjustCounts(tx, { articleId: row!.article_id, parentId: row!.parent_id }, -1);
      }
      await announce(tx, { type: 'comment.reported', commentId, articleId: row!.article_id, status: requeued ? 'pending' : row!.status });
      return { created, requeued };
    });
  }
}

function orderFor(sort: CommentSort): Prisma.CommentOrderByWithRelationInput[] {
  switch (sort) {
    case 'newest':
      return [{ createdAt: 'desc' }, { id: 'desc' }];
    case 'oldest':
      return [{ createdAt: 'asc' }, { id: 'asc' }];
    case 'top':
      return [{ likeCount: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }];
  }
}

/** Rows strictly after the cursor in the sort's order (a tuple comparison, spelt out). */
function afterCursor(cursor: CommentCursor): Prisma.CommentWhereInput {
  const { createdAt, id, likeCount } = cursor;
  switch (cursor.sort) {
    case 'newest':
      return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
    case 'oldest':
      return { OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: id } }] };
    case 'top':
      return {
        OR: [
          { likeCount: { lt: likeCount } },
          { likeCount, createdAt: { lt: createdAt } },
          { likeCount, createdAt, id: { lt: id } },
        ],
      };
  }
}
