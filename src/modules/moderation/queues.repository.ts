import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';
import { sqlLimit } from '@/database/sql-limit.js';
import type { ModerationQueue } from '@/contract/moderation-queue.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { CommentStatus } from '@/modules/comments/comments.dto.js';
import { COMMENT_COLUMNS, type CommentRecord, type CommentSqlRow, fromCommentSqlRow } from '@/modules/comments/comments.repository.js';
import type { AuthorTrust } from '@/modules/policy/engine/engine.js';

export type { ModerationQueue };

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
  authorTrust: AuthorTrust;
  authorApproved: number;
  authorRejected: number;
  openReports: number;
  reports: { reason: string; note: string | null; createdAt: Date }[];
  /** The comment a reply answers, for context. */
  parent: { body: string; status: CommentStatus; authorName: string } | null;
  /** The texts its author replaced by editing, oldest first. */
  revisions: { body: string; writtenAt: Date; replacedAt: Date }[];
}

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
  author_trust: AuthorTrust;
  author_approved: number;
  author_rejected: number;
  open_reports: number;
  reports: { reason: string; note: string | null; createdAt: string }[] | null;
  parent_body: string | null;
  parent_status: CommentStatus | null;
  parent_author_name: string | null;
  revisions: { body: string; writtenAt: string; replacedAt: string }[] | null;
}

/**
 * One page of a queue in one statement: the comment, its article, the comment it replies to, its
 * author and the author's record, its latest reports, the texts it had before its author edited it.
 * The lateral parts run only for the rows of the page, which an index on (status, created_at, id)
 * yields in order. Exported for the benchmark's query plans.
 */
export function queueStatement(scope: SiteScope, query: QueueQuery): Prisma.Sql {
  const filters = [Prisma.sql`c.site_id = ${scope.siteId}`, QUEUE_WHERE[query.queue]];
  if (query.articleId) filters.push(Prisma.sql`c.article_id = ${query.articleId}`);
  if (query.articleIds) filters.push(Prisma.sql`c.article_id = ANY(${query.articleIds}::text[])`);
  if (query.section) filters.push(Prisma.sql`a.section = ${query.section}`);
  if (query.authorId) filters.push(Prisma.sql`c.author_id = ${query.authorId}::uuid`);
  if (query.rule) filters.push(Prisma.sql`c.rule_ids @> ARRAY[${query.rule}]::text[]`);
  if (query.after) filters.push(Prisma.sql`(c.created_at, c.id) > (${query.after.createdAt}, ${query.after.id}::uuid)`);
  return Prisma.sql`
    SELECT ${COMMENT_COLUMNS}, u.display_name AS author_name, a.title AS article_title, a.section AS article_section,
           u.created_at AS author_since, u.trust AS author_trust, h.approved AS author_approved, h.rejected AS author_rejected,
           c.open_reports, r.reports, rv.revisions,
           p.body AS parent_body, p.status AS parent_status, pu.display_name AS parent_author_name
    FROM comments c
    JOIN articles a ON a.site_id = c.site_id AND a.id = c.article_id
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
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('body', cv.body, 'writtenAt', cv.written_at, 'replacedAt', cv.replaced_at) ORDER BY cv.written_at) AS revisions
      FROM comment_revisions cv WHERE cv.comment_id = c.id AND c.edited_at IS NOT NULL) rv ON true
    WHERE ${Prisma.join(filters, ' AND ')}
    ORDER BY c.created_at, c.id
    ${sqlLimit(query.limit + 1)}`;
}

/** The moderation queues: what waits for a decision, and what was decided. */
@Injectable()
export class QueuesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async queue(scope: SiteScope, query: QueueQuery): Promise<QueueRow[]> {
    const rows = await this.prisma.$queryRaw<QueueSqlRow[]>(queueStatement(scope, query));
    return rows.map((row) => ({
      ...fromCommentSqlRow(row),
      articleTitle: row.article_title,
      articleSection: row.article_section,
      authorSince: row.author_since,
      authorTrust: row.author_trust,
      authorApproved: row.author_approved,
      authorRejected: row.author_rejected,
      openReports: row.open_reports,
      reports: (row.reports ?? []).map((report) => ({ ...report, createdAt: new Date(report.createdAt) })),
      parent:
        row.parent_id && row.parent_body !== null ? { body: row.parent_body, status: row.parent_status!, authorName: row.parent_author_name ?? '' } : null,
      revisions: (row.revisions ?? []).map((revision) => ({
        body: revision.body,
        writtenAt: new Date(revision.writtenAt),
        replacedAt: new Date(revision.replacedAt),
      })),
    }));
  }

  async counts(scope: SiteScope): Promise<Record<'pending' | 'reported' | 'rejected', number>> {
    const [row] = await this.prisma.$queryRaw<{ pending: number; reported: number; rejected: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
             count(*) FILTER (WHERE status = 'published' AND open_reports > 0)::int AS reported,
             count(*) FILTER (WHERE status = 'rejected')::int AS rejected
      FROM comments WHERE site_id = ${scope.siteId} AND (status IN ('pending', 'rejected') OR (status = 'published' AND open_reports > 0))`;
    return row!;
  }
}
