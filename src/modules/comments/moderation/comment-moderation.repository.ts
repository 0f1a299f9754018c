import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { sqlLimit } from '@/database/sql-limit.js';
import type { DecisionAction } from '@/contract/moderation-decisions.js';
import type { ModerationQueue } from '@/contract/moderation-queue.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { CommentStatus } from '../comments.dto.js';
import { COMMENT_COLUMNS, type CommentRecord, type CommentSqlRow, fromCommentSqlRow } from '../comments.repository.js';
import { announce } from './moderation-events.js';

export type { DecisionAction, ModerationQueue };

export interface QueueQuery {
  queue: ModerationQueue;
  limit: number;
  after?: { createdAt: Date; id: string } | undefined;
  articleId?: string | undefined;
  /** Only these articles (a saved group). */
  articleIds?: string[] | undefined;
  section?: string | undefined;
  authorId?: string | undefined;
  rule?: string | undefined;
}

/** A comment as the queues show it: the comment itself, and what a moderator needs around it. */
export interface QueueRow extends CommentRecord {
  articleTitle: string;
  articleSection: string | null;
  authorSince: Date;
  authorApproved: number;
  authorRejected: number;
  openReports: number;
  reports: { reason: string; note: string | null; createdAt: Date }[];
  /** The comment a reply answers, for context. */
  parent: { body: string; status: CommentStatus; authorName: string } | null;
}

export type DecisionResult =
  | { outcome: 'applied' | 'unchanged'; id: string }
  | { outcome: 'conflict'; status: CommentStatus }
  | { outcome: 'missing' };

const QUEUE_WHERE: Record<ModerationQueue, Prisma.Sql> = {
  pending: Prisma.sql`c.status = 'pending'`,
  reported: Prisma.sql`c.status = 'published' AND c.open_reports > 0`,
  rejected: Prisma.sql`c.status = 'rejected'`,
  approved: Prisma.sql`c.status = 'published' AND c.decided_at IS NOT NULL`,
};

interface QueueSqlRow extends CommentSqlRow {
  article_title: string;
  article_section: string | null;
  author_since: Date;
  author_approved: number;
  author_rejected: number;
  open_reports: number;
  reports: { reason: string; note: string | null; createdAt: string }[] | null;
  parent_body: string | null;
  parent_status: CommentStatus | null;
  parent_author_name: string | null;
}

/**
 * One page of a queue in one statement: the comment, its article, the comment it replies to, its
 * author and the author's record, its latest reports. The lateral parts run only for the rows of the page, which an index
 * on (status, created_at, id) yields in order. Exported for the benchmark's query plans.
 */
export function queueStatement(query: QueueQuery): Prisma.Sql {
  const filters = [QUEUE_WHERE[query.queue]];
  if (query.articleId) filters.push(Prisma.sql`c.article_id = ${query.articleId}`);
  if (query.articleIds) filters.push(Prisma.sql`c.article_id = ANY(${query.articleIds}::text[])`);
  if (query.section) filters.push(Prisma.sql`a.section = ${query.section}`);
  if (query.authorId) filters.push(Prisma.sql`c.author_id = ${query.authorId}::uuid`);
  if (query.rule) filters.push(Prisma.sql`c.rule_ids @> ARRAY[${query.rule}]::text[]`);
  if (query.after) filters.push(Prisma.sql`(c.created_at, c.id) > (${query.after.createdAt}, ${query.after.id}::uuid)`);
  return Prisma.sql`
    SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name, a.title AS article_title, a.section AS article_section,
           u.created_at AS author_since, h.approved AS author_approved, h.rejected AS author_rejected,
           c.open_reports, r.reports,
           p.body AS parent_body, p.status AS parent_status, pu.display_name AS parent_author_name
    FROM comments c
    JOIN articles a ON a.id = c.article_id
    JOIN users u ON u.id = c.author_id
    LEFT JOIN comments p ON p.id = c.parent_id
    LEFT JOIN users pu ON pu.id = p.author_id
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE x.status = 'published')::int AS approved,
             count(*) FILTER (WHERE x.status = 'rejected')::int AS rejected
      FROM comments x WHERE x.author_id = c.author_id) h
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('reason', cr.reason, 'note', cr.note, 'createdAt', cr.created_at) ORDER BY cr.created_at DESC) AS reports
      FROM (SELECT * FROM comment_reports WHERE comment_id = c.id ORDER BY created_at DESC LIMIT 20) cr) r ON true
    WHERE ${Prisma.join(filters, ' AND ')}
    ORDER BY c.created_at, c.id
    ${sqlLimit(query.limit + 1)}`;
}

/** The moderators' side of the comments table: queues and conditional decisions. */
@Injectable()
export class CommentModerationRepository {
  constructor(private readonly prisma: PrismaService) {}

  async queue(query: QueueQuery): Promise<QueueRow[]> {
    const rows = await this.prisma.$queryRaw<QueueSqlRow[]>(queueStatement(query));
    return rows.map((row) => ({
      ...fromCommentSqlRow(row),
      articleTitle: row.article_title,
      articleSection: row.article_section,
      authorSince: row.author_since,
      authorApproved: row.author_approved,
      authorRejected: row.author_rejected,
      openReports: row.open_reports,
      reports: (row.reports ?? []).map((report) => ({ ...report, createdAt: new Date(report.createdAt) })),
      parent:
        row.parent_id && row.parent_body !== null
          ? { body: row.parent_body, status: row.parent_status!, authorName: row.parent_author_name ?? '' }
          : null,
    }));
  }

  async counts(): Promise<Record<'pending' | 'reported' | 'rejected', number>> {
    const [row] = await this.prisma.$queryRaw<{ pending: number; reported: number; rejected: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
             count(*) FILTER (WHERE status = 'published' AND open_reports > 0)::int AS reported,
             count(*) FILTER (WHERE status = 'rejected')::int AS rejected
      FROM comments WHERE status IN ('pending', 'rejected') OR (status = 'published' AND open_reports > 0)`;
    return row!;
  }

  /**
   * Decides a comment under a row lock, so concurrent decisions run one after the other and only
   * the first can change it. Pending and reported comments are open to a decision; a comment a
   * moderator already decided the other way is a conflict unless `override` is set; the same
   * decision again changes nothing. Counts move with visibility in the same transaction.
   */
  async decide(commentId: string, action: DecisionAction, actorId: string, reason: string, override: boolean): Promise<DecisionResult> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ status: CommentStatus; open_reports: number; decided_by_id: string | null; article_id: string; parent_id: string | null }[]>`
        SELECT status, open_reports, decided_by_id, article_id, parent_id FROM comments WHERE id = ${commentId}::uuid FOR UPDATE`;
      if (!row || row.status === 'deleted') return { outcome: 'missing' };
      const target: CommentStatus = action === 'approve' ? 'published' : 'rejected';
      const openToDecision = row.status === 'pending' || (row.status === 'published' && row.open_reports > 0);
      if (!openToDecision) {
        if (row.status === target) return { outcome: 'unchanged', id: commentId };
        if (row.decided_by_id && !override) return { outcome: 'conflict', status: row.status };
      }
      await tx.comment.update({
        where: { id: commentId },
        data: {
          status: target,
          decidedAt: new Date(),
          decidedById: actorId,
          decisionReason: reason,
          ...(action === 'approve' ? { openReports: 0 } : {}),
        },
      });
      const wasVisible = row.status === 'published';
      const isVisible = target === 'published';
      if (wasVisible !== isVisible) {
        const by = isVisible ? 1 : -1;
        await tx.article.update({ where: { id: row.article_id }, data: { commentCount: { increment: by } } });
        if (row.parent_id) await tx.comment.update({ where: { id: row.parent_id }, data: { replyCount: { increment: by } } });
      }
      await announce(tx, { type: 'comment.decided', commentId, articleId: row.article_id, status: target });
      return { outcome: 'applied', id: commentId };
    });
  }

  /** Part of a ban: every comment of the author still waiting for review is rejected. */
  async rejectPendingOf(authorId: string, actorId: string, reason: string): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; article_id: string }[]>`
        UPDATE comments SET status = 'rejected', decided_at = now(), decided_by_id = ${actorId}::uuid, decision_reason = ${reason}
        WHERE author_id = ${authorId}::uuid AND status = 'pending' RETURNING id, article_id`;
      for (const row of rows) await announce(tx, { type: 'comment.decided', commentId: row.id, articleId: row.article_id, status: 'rejected' });
      return rows.map((row) => row.id);
    });
  }
}
