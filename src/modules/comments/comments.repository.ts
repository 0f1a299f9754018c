import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';
import { ReadRouting } from '@/database/read-routing.js';
import { sqlLimit } from '@/database/sql-limit.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { CommentCursor } from './comment-cursor.js';
import type { CommentSort, CommentStatus } from './comments.dto.js';
import { parseStoredVerdict, type StoredVerdict } from './lifecycle/stored-verdict.js';

export interface CommentRecord {
  id: string;
  articleId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  body: string;
  status: CommentStatus;
  verdict: StoredVerdict;
  replyCount: number;
  likeCount: number;
  reportCount: number;
  createdAt: Date;
  /** Set once a moderator decided it. */
  decisionReason: string | null;
  decidedAt: Date | null;
  /** Set once its author edited it. */
  editedAt: Date | null;
  /** Set while a moderator features it (a staff pick). */
  featuredAt: Date | null;
}

export interface CommentPageQuery {
  articleId: string;
  parentId: string | null;
  sort: CommentSort;
  limit: number;
  after?: CommentCursor | undefined;
  /** A logged-in reader also sees their own pending comments (not in the featured list). */
  viewerId?: string | undefined;
  /** Only the comments moderators featured. */
  featured?: boolean;
}

@Injectable()
export class CommentsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly routing: ReadRouting,
  ) {}

  /** The site's comment; another site's is not found. */
  async findById(scope: SiteScope, id: string): Promise<CommentRecord | null> {
    const [row] = await this.prisma.$queryRaw<CommentSqlRow[]>`
      SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.id = ${id}::uuid AND c.site_id = ${scope.siteId}`;
    return row ? fromCommentSqlRow(row) : null;
  }

  async findByIdempotencyKey(scope: SiteScope, authorId: string, idempotencyKey: string): Promise<CommentRecord | null> {
    const [row] = await this.prisma.$queryRaw<CommentSqlRow[]>`
      SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name FROM comments c JOIN users u ON u.id = c.author_id
      WHERE c.author_id = ${authorId}::uuid AND c.idempotency_key = ${idempotencyKey} AND c.site_id = ${scope.siteId}`;
    return row ? fromCommentSqlRow(row) : null;
  }

  /**
   * One page in keyset order, authors (and, for a logged-in reader, their likes) joined in: one
   * statement, read from the replica when there is one (unless `fromPrimary`). `limit + 1` rows are
   * read to know whether another page follows.
   */
  async page(scope: SiteScope, query: CommentPageQuery, options: { fromPrimary?: boolean } = {}): Promise<ListedComment[]> {
    const reader = options.fromPrimary ? this.prisma : this.routing.reader(query.viewerId);
    const rows = await reader.$queryRaw<CommentPageRow[]>(commentPageStatement(scope, query));
    return rows.map((row) => ({ ...fromCommentSqlRow(row), ...(query.viewerId ? { likedByViewer: row.liked_by_viewer === true } : {}) }));
  }

  /** Adds or removes one reader's like; the count moves only when the like itself did. */
  /** Whether the user likes the comment (of this site). */
  async likes(scope: SiteScope, commentId: string, userId: string): Promise<boolean> {
    const like = await this.prisma.commentLike.findFirst({ where: { commentId, userId, comment: { siteId: scope.siteId } }, select: { commentId: true } });
    return like !== null;
  }

  async setLike(scope: SiteScope, commentId: string, userId: string, liked: boolean): Promise<number> {
    const where = { id: commentId, siteId: scope.siteId };
    return this.prisma.$transaction(async (tx) => {
      const changed = liked
        ? await tx.$executeRaw`
            INSERT INTO comment_likes (comment_id, user_id)
            SELECT id, ${userId}::uuid FROM comments WHERE id = ${commentId}::uuid AND site_id = ${scope.siteId}
            ON CONFLICT DO NOTHING`
        : await tx.$executeRaw`DELETE FROM comment_likes WHERE comment_id = ${commentId}::uuid AND user_id = ${userId}::uuid`;
      const comment = changed
        ? await tx.comment.update({ where, data: { likeCount: { increment: liked ? 1 : -1 } }, select: { likeCount: true } })
        : await tx.comment.findUniqueOrThrow({ where, select: { likeCount: true } });
      return comment.likeCount;
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
  edited_at: Date | null;
  featured_at: Date | null;
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
    verdict: parseStoredVerdict(row.verdict),
    replyCount: row.reply_count,
    likeCount: row.like_count,
    reportCount: row.report_count,
    createdAt: row.created_at,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    editedAt: row.edited_at,
    featuredAt: row.featured_at,
  };
}

const COMMENT_COLUMN_NAMES = [
  'id',
  'site_id',
  'article_id',
  'parent_id',
  'author_id',
  'body',
  'status',
  'verdict',
  'reply_count',
  'like_count',
  'report_count',
  'created_at',
  'decision_reason',
  'decided_at',
  'edited_at',
  'featured_at',
] as const;
/** The columns a CommentRecord is made of (with the author's name from `users`), of the table aliased `c`. */
export const COMMENT_COLUMNS = Prisma.raw(COMMENT_COLUMN_NAMES.map((name) => `c.${name}`).join(', '));
export const COMMENT_COLUMNS_UNQUALIFIED = Prisma.raw(COMMENT_COLUMN_NAMES.join(', '));

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
export function commentPageStatement(scope: SiteScope, query: CommentPageQuery): Prisma.Sql {
  const order = ORDER_BY[query.sort];
  const after = afterCursor(query.after);
  const limit = sqlLimit(query.limit + 1);
  const thread = query.parentId === null ? Prisma.sql`c.parent_id IS NULL` : Prisma.sql`c.parent_id = ${query.parentId}::uuid`;
  const publicRows = query.featured
    ? // The featured threads' own partial index: a few rows per article, whatever the sort.
      Prisma.sql`c.site_id = ${scope.siteId} AND c.article_id = ${query.articleId} AND ${thread} AND c.status = 'published' AND c.featured_at IS NOT NULL`
    : query.parentId === null
      ? Prisma.sql`c.site_id = ${scope.siteId} AND c.article_id = ${query.articleId} AND c.parent_id IS NULL AND c.status IN ('published', 'deleted')
          AND (c.status = 'published' OR c.reply_count > 0)`
      : Prisma.sql`c.parent_id = ${query.parentId}::uuid AND c.site_id = ${scope.siteId} AND c.status = 'published'`;
  if (query.featured && query.viewerId) {
    return Prisma.sql`
      SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name,
             EXISTS (SELECT 1 FROM comment_likes l WHERE l.comment_id = c.id AND l.user_id = ${query.viewerId}::uuid) AS liked_by_viewer
      FROM comments c JOIN users u ON u.id = c.author_id
      WHERE ${publicRows} ${after}
      ORDER BY ${order} ${limit}`;
  }
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
       WHERE c.author_id = ${query.viewerId}::uuid AND c.site_id = ${scope.siteId} AND c.article_id = ${query.articleId} AND ${thread}
         AND c.status IN ('pending', 'rejected') AND (c.status = 'pending' OR c.decided_at IS NOT NULL) ${after}
       ORDER BY ${order} ${limit})
    ) c JOIN users u ON u.id = c.author_id
    ORDER BY ${order} ${limit}`;
}
