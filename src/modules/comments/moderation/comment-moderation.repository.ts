import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { Prisma } from '@/generated/prisma/client.js';
import type { CommentStatus } from '../comments.dto.js';
import { announce } from './moderation-events.js';

export type ModerationQueue = 'pending' | 'reported' | 'rejected' | 'approved';
export type DecisionAction = 'approve' | 'reject';

export interface QueueQuery {
  queue: ModerationQueue;
  limit: number;
  after?: { createdAt: Date; id: string } | undefined;
  articleId?: string | undefined;
  section?: string | undefined;
  authorId?: string | undefined;
  rule?: string | undefined;
}

export interface QueueRow {
  id: string;
  articleId: string;
  articleTitle: string;
  articleSection: string | null;
  parentId: string | null;
  authorId: string;
  authorName: string;
  authorSince: Date;
  body: string;
  status: CommentStatus;
  verdict: unknown;
  replyCount: number;
  likeCount: number;
  reportCount: number;
  openReports: number;
  createdAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  reports: { reason: string; note: string | null; createdAt: Date }[];
}

export type DecisionResult =
  | { outcome: 'applied' | 'unchanged'; id: string }
  | { outcome: 'conflict'; status: CommentStatus }
  | { outcome: 'missing' };

const QUEUE_WHERE: Record<ModerationQueue, Prisma.CommentWhereInput> = {
  pending: { status: 'pending' },
  reported: { status: 'published', openReports: { gt: 0 } },
  rejected: { status: 'rejected' },
  approved: { status: 'published', decidedAt: { not: null } },
};

const queueInclude = {
  author: { select: { displayName: true, createdAt: true } },
  article: { select: { title: true, section: true } },
  reports: { select: { reason: true, note: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 20 },
} as const satisfies Prisma.CommentInclude;

/** The moderators' side of the comments table: queues and conditional decisions. */
@Injectable()
export class CommentModerationRepository {
  constructor(private readonly prisma: PrismaService) {}

  async queue(query: QueueQuery): Promise<QueueRow[]> {
    const rows = await this.prisma.comment.findMany({
      where: {
        ...QUEUE_WHERE[query.queue],
        ...(query.articleId ? { articleId: query.articleId } : {}),
        ...(query.section ? { article: { section: query.section } } : {}),
        ...(query.authorId ? { authorId: query.authorId } : {}),
        ...(query.rule ? { ruleIds: { has: query.rule } } : {}),
        ...(query.after
          ? { OR: [{ createdAt: { gt: query.after.createdAt } }, { createdAt: query.after.createdAt, id: { gt: query.after.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: query.limit + 1,
      include: queueInclude,
    });
    return rows.map((row) => ({
      id: row.id,
      articleId: row.articleId,
      articleTitle: row.article.title,
      articleSection: row.article.section,
      parentId: row.parentId,
      authorId: row.authorId,
      authorName: row.author.displayName,
      authorSince: row.author.createdAt,
      body: row.body,
      status: row.status,
      verdict: row.verdict,
      replyCount: row.replyCount,
      likeCount: row.likeCount,
      reportCount: row.reportCount,
      openReports: row.openReports,
      createdAt: row.createdAt,
      decidedAt: row.decidedAt,
      decisionReason: row.decisionReason,
      reports: row.reports,
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

  async authorHistory(authorIds: string[]): Promise<Map<string, { approved: number; rejected: number }>> {
    if (authorIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ author_id: string; approved: number; rejected: number }[]>`
      SELECT author_id, count(*) FILTER (WHERE status = 'published')::int AS approved,
             count(*) FILTER (WHERE status = 'rejected')::int AS rejected
      FROM comments WHERE author_id = ANY(${authorIds}::uuid[]) GROUP BY author_id`;
    return new Map(rows.map((row) => [row.author_id, { approved: row.approved, rejected: row.rejected }]));
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
