import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { ReadRouting } from '@/database/read-routing.js';
import { toWindowCount, type WindowCount, type WindowHitRow, windowHitStatement } from '@/modules/rate-limit/rate-limit.repository.js';
import { sqlLimit } from '@/database/sql-limit.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { CommentCursor } from './comment-cursor.js';
import type { CommentSort, CommentStatus, ReportReason } from './comments.dto.js';
import { announce, announceRowsSql } from './moderation/moderation-events.js';

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

export interface PostingInput {
  articleId: string;
  authorId: string;
  /** The comment replied to, as the request named it. */
  parentId: string | null;
  /** Comments since then count as the author's recent ones (duplicates, flooding). */
  recentSince: Date;
  /** The author's posting rate limit, whose hit this post counts. */
  rateLimit: { key: string; windowSeconds: number; count: number };
}

export type StoreOutcome =
  | { outcome: 'stored'; comment: CommentRecord }
  | { outcome: 'rate-limited'; window: WindowCount }
  | { outcome: 'facts-changed' };

/** What posting weighs, as read at one moment. */
export interface PostingFacts {
  /** The author's posting version then: the post is stored only if it has not moved since. */
  version: number;
  /** The comment replied to, if it exists. */
  parent: { id: string; articleId: string; parentId: string | null; status: CommentStatus } | null;
  activity: AuthorActivity;
}

/** What is stored, as the policy decided. */
export interface PostingDecision {
  /** The thread's top-level comment (replies are one level deep). */
  parentId: string | null;
  body: string;
  status: CommentStatus;
  verdict: object;
  ruleIds: string[];
  idempotencyKey: string | null;
}

interface PostingFactsRow {
  version: number;
  approved: number;
  rejected: number;
  today: number;
  on_article: number;
  prior: number;
  recent: { body: string; postedAt: string }[];
  parent: PostingFacts['parent'];
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

/** Counts that follow a comment's visibility: the article's comment count and its parent's reply count. */
async function adjustCounts(tx: Prisma.TransactionClient, comment: { articleId: string; parentId: string | null }, by: 1 | -1): Promise<void> {
  await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: by } } });
  if (comment.parentId) await tx.comment.update({ where: { id: comment.parentId }, data: { replyCount: { increment: by } } });
}

@Injectable()
export class CommentsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: ReadRouting,
  ) {}

  async findById(id: string): Promise<CommentRecord | null> {
    const [row] = await this.prisma.$queryRaw<CommentSqlRow[]>`
      SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.id = ${id}::uuid`;
    return row ? fromCommentSqlRow(row) : null;
  }

  async findByIdempotencyKey(authorId: string, idempotencyKey: string): Promise<CommentRecord | null> {
    const [row] = await this.prisma.$queryRaw<CommentSqlRow[]>`
      SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.author_id = ${authorId}::uuid AND c.idempotency_key = ${idempotencyKey}`;
    return row ? fromCommentSqlRow(row) : null;
  }

  /**
   * What posting weighs, as of now: the author's quotas and recent texts, the comment replied to,
   * and the author's posting version that `store` checks. One read, no lock, no transaction.
   */
  async postingFacts(input: PostingInput): Promise<PostingFacts> {
    const [row] = await this.prisma.$queryRaw<PostingFactsRow[]>`
      SELECT u.posting_version AS version, a.approved, a.rejected, a.today, a.on_article, a.prior,
             (SELECT coalesce(json_agg(json_build_object('body', r.body, 'postedAt', r.created_at)), '[]'::json)
              FROM (SELECT body, created_at FROM comments
                    WHERE author_id = u.id AND created_at >= ${input.recentSince}
                    ORDER BY created_at DESC LIMIT 20) r) AS recent,
             (SELECT json_build_object('id', p.id, 'articleId', p.article_id, 'parentId', p.parent_id, 'status', p.status)
              FROM comments p WHERE p.id = ${input.parentId}::uuid) AS parent
      FROM users u, LATERAL (
        SELECT count(*) FILTER (WHERE status = 'published')::int AS approved,
               count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
               count(*) FILTER (WHERE status <> 'rejected'
                                AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int AS today,
               count(*) FILTER (WHERE status <> 'rejected' AND article_id = ${input.articleId})::int AS on_article,
               count(*)::int AS prior
        FROM comments WHERE author_id = u.id) a
      WHERE u.id = ${input.authorId}::uuid`;
    return {
      version: row!.version,
      parent: row!.parent,
      activity: {
        approvedCount: row!.approved,
        rejectedCount: row!.rejected,
        postedToday: row!.today,
        postedOnArticle: row!.on_article,
        priorComments: row!.prior,
        recent: row!.recent.map((recent) => ({ body: recent.body, postedAt: new Date(recent.postedAt) })),
      },
    };
  }

  /**
   * Stores a post in one statement, with the counts a published comment moves, unless it is refused:
   * `rate-limited` when its hit on the author's rate limit (counted here either way) went past the
   * limit, `facts-changed` when another post of the author's was stored since `facts.version` was
   * read. Two such posts then cannot both be stored on the same facts: the second waits for the
   * first's row lock on the author and finds the version moved, so quotas stay exact.
   */
  async store(input: PostingInput, facts: Pick<PostingFacts, 'version'>, decision: PostingDecision): Promise<StoreOutcome> {
    const counts = decision.status === 'published';
    const [row] = await this.prisma.$queryRaw<(Partial<CommentSqlRow> & WindowHitRow)[]>`
      WITH hit AS (${windowHitStatement(input.rateLimit.key, input.rateLimit.windowSeconds)}),
      author AS (
        UPDATE users SET posting_version = posting_version + 1
        WHERE id = ${input.authorId}::uuid AND posting_version = ${facts.version} AND (SELECT count FROM hit) <= ${input.rateLimit.count}
        RETURNING id
      ), inserted AS (
        INSERT INTO comments (id, article_id, parent_id, author_id, body, status, verdict, rule_ids, idempotency_key)
        SELECT uuidv7(), ${input.articleId}, ${decision.parentId}::uuid, author.id, ${decision.body},
               ${decision.status}::"CommentStatus", ${JSON.stringify(decision.verdict)}::jsonb,
               ${[...new Set(decision.ruleIds)]}::text[], ${decision.idempotencyKey}
        FROM author
        RETURNING ${COMMENT_COLUMNS_UNQUALIFIED}
      ), counted_on_article AS (
        UPDATE articles SET comment_count = comment_count + 1
        WHERE ${counts} AND id = ${input.articleId} AND EXISTS (SELECT 1 FROM inserted)
      ), counted_on_parent AS (
        UPDATE comments SET reply_count = reply_count + 1
        WHERE ${counts} AND id = ${decision.parentId}::uuid AND EXISTS (SELECT 1 FROM inserted)
      ), queued AS (${announceRowsSql('comment.queued', Prisma.raw('inserted'), Prisma.sql`r.status = 'pending'`)})
      SELECT hit.count, hit.window_start, inserted.*, u.display_name AS author_name, (SELECT count(*) FROM queued) AS announced
      FROM hit LEFT JOIN inserted ON true LEFT JOIN users u ON u.id = inserted.author_id`;
    const window = toWindowCount(row!);
    if (row!.id === undefined || row!.id === null) {
      return window.count > input.rateLimit.count ? { outcome: 'rate-limited', window } : { outcome: 'facts-changed' };
    }
    return { outcome: 'stored', comment: fromCommentSqlRow(row as CommentSqlRow) };
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

  /**
   * One page in keyset order, authors (and, for a logged-in reader, their likes) joined in: one
   * statement, read from the replica when there is one (unless `fromPrimary`). `limit + 1` rows are
   * read to know whether another page follows.
   */
  async page(query: CommentPageQuery, options: { fromPrimary?: boolean } = {}): Promise<ListedComment[]> {
    const reader = options.fromPrimary ? this.prisma : this.routing.reader(query.viewerId);
    const rows = await reader.$queryRaw<CommentPageRow[]>(commentPageStatement(query));
    return rows.map((row) => ({ ...fromCommentSqlRow(row), ...(query.viewerId ? { likedByViewer: row.liked_by_viewer === true } : {}) }));
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

/** A listed comment, and for a logged-in reader whether they like it. */
export type ListedComment = CommentRecord & { likedByViewer?: boolean };

/** A comment as SQL selects it (COMMENT_COLUMNS and the author's name); exported for the queues. */
export interface CommentSqlRow {
  id: string;
  article_id: string;
  parent_id: string | null;
  author_id: string;
  author_name: string;
  body: string;
  status: CommentStatus;
  verdict: unknown;
  reply_count: number;
  like_count: number;
  report_count: number;
  created_at: Date;
  decision_reason: string | null;
  decided_at: Date | null;
}

type CommentPageRow = CommentSqlRow & { liked_by_viewer?: boolean };

export function fromCommentSqlRow(row: CommentSqlRow): CommentRecord {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    status: row.status,
    verdict: row.verdict,
    replyCount: row.reply_count,
    likeCount: row.like_count,
    reportCount: row.report_count,
    createdAt: row.created_at,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
  };
}

const COMMENT_COLUMN_NAMES = [
  'id', 'article_id', 'parent_id', 'author_id', 'body', 'status', 'verdict', 'reply_count',
  'like_count', 'report_count', 'created_at', 'decision_reason', 'decided_at',
] as const;
/** The columns a CommentRecord is made of (with the author's name from `users`), of the table aliased `c`. */
export const COMMENT_COLUMNS = Prisma.raw(COMMENT_COLUMN_NAMES.map((name) => `c.${name}`).join(', '));
const COMMENT_COLUMNS_UNQUALIFIED = Prisma.raw(COMMENT_COLUMN_NAMES.join(', '));

/** ORDER BY for a sort, over the alias `c`; every sort ends on the id, so the order is total. */
const ORDER_BY: Record<CommentSort, Prisma.Sql> = {
  newest: Prisma.sql`c.created_at DESC, c.id DESC`,
  oldest: Prisma.sql`c.created_at, c.id`,
  top: Prisma.sql`c.like_count DESC, c.created_at DESC, c.id DESC`,
};

/** Rows strictly after the cursor in the sort's order, as a row comparison the index can seek to. */
function afterCursor(cursor: CommentCursor | undefined): Prisma.Sql {
  if (!cursor) return Prisma.empty;
  const { createdAt, id, likeCount } = cursor;
  switch (cursor.sort) {
    case 'newest':
      return Prisma.sql`AND (c.created_at, c.id) < (${createdAt}, ${id}::uuid)`;
    case 'oldest':
      return Prisma.sql`AND (c.created_at, c.id) > (${createdAt}, ${id}::uuid)`;
    case 'top':
      return Prisma.sql`AND (c.like_count, c.created_at, c.id) < (${likeCount}, ${createdAt}, ${id}::uuid)`;
  }
}

/**
 * The statement behind a page of comments (exported for the benchmark's plans). What the public
 * sees is read from a partial index in the page's order, so a page costs the same on an article
 * with a hundred comments or a million: threads are published comments and deleted ones that keep
 * their place for their replies; replies are published ones. A logged-in reader's own comments
 * awaiting review, or rejected by a moderator, come from a second, tiny index scan, merged in order.
 */
export function commentPageStatement(query: CommentPageQuery): Prisma.Sql {
  const order = ORDER_BY[query.sort];
  const after = afterCursor(query.after);
  const limit = sqlLimit(query.limit + 1);
  const thread = query.parentId === null ? Prisma.sql`c.parent_id IS NULL` : Prisma.sql`c.parent_id = ${query.parentId}::uuid`;
  const publicRows =
    query.parentId === null
      ? Prisma.sql`c.article_id = ${query.articleId} AND c.parent_id IS NULL AND c.status IN ('published', 'deleted')
          AND (c.status = 'published' OR c.reply_count > 0)`
      : Prisma.sql`c.parent_id = ${query.parentId}::uuid AND c.status = 'published'`;
  if (!query.viewerId) {
    return Prisma.sql`
      SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name
      FROM comments c JOIN users u ON u.id = c.author_id
      WHERE ${publicRows} ${after}
      ORDER BY ${order} ${limit}`;
  }
  return Prisma.sql`
    SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name,
           EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = ${query.viewerId}::uuid) AS liked_by_viewer
    FROM (
      (SELECT ${COMMENT_COLUMNS} FROM comments c WHERE ${publicRows} ${after} ORDER BY ${order} ${limit})
      UNION ALL
      (SELECT ${COMMENT_COLUMNS} FROM comments c
       WHERE c.author_id = ${query.viewerId}::uuid AND c.article_id = ${query.articleId} AND ${thread}
         AND c.status IN ('pending', 'rejected') AND (c.status = 'pending' OR c.decided_at IS NOT NULL) ${after}
       ORDER BY ${order} ${limit})
    ) c JOIN users u ON u.id = c.author_id
    ORDER BY ${order} ${limit}`;
}
