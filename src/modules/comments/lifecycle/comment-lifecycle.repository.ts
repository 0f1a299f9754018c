import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma } from '@/generated/prisma/client.js';
import { appendLogEntries } from '@/modules/audit/audit-log.repository.js';
import { queueCommentWebhook, queueMail, replyMailSql, webhookEventSql } from '@/modules/notifications/outbox/outbox-queue.js';
import { toWindowCount, type WindowCount, type WindowHitRow, windowHitStatement } from '@/modules/rate-limit/rate-limit.repository.js';
import type { CommentStatus, ReportReason } from '../comments.dto.js';
import { COMMENT_COLUMNS_UNQUALIFIED, type CommentRecord, type CommentSqlRow, fromCommentSqlRow } from '../comments.repository.js';
import { announce, announceRowsSql } from './moderation-events.js';
import { parseStoredVerdict, ruleIdsOf, type StoredVerdict } from './stored-verdict.js';
import type { CommentChange, CommentState, TransitionPlan } from './transitions.js';

export interface NewComment {
  articleId: string;
  authorId: string;
  /** The thread's top-level comment (replies are one level deep). */
  parentId: string | null;
  body: string;
  status: CommentStatus;
  verdict: StoredVerdict;
  idempotencyKey: string | null;
  /** The author's posting version the verdict's facts were read at. */
  authorVersion: number;
  /** The author, new until now, becomes a regular with this comment. */
  promotesAuthor: boolean;
  /** The author's posting rate limit, whose hit this post counts. */
  rateLimit: { key: string; windowSeconds: number; count: number };
}

/** Each with the author's rate-limit window as the post's hit left it. */
export type StoreOutcome =
  | { outcome: 'stored'; comment: CommentRecord; window: WindowCount }
  | { outcome: 'rate-limited'; window: WindowCount }
  /** `window` is absent when the post lost the race before counting its hit. */
  | { outcome: 'facts-changed'; window?: WindowCount };

export type TransitionOutcome = { outcome: 'missing' } | { outcome: 'unchanged' } | { outcome: 'changed' } | { outcome: 'facts-changed' };

export interface NewReport {
  reporterId: string;
  reason: ReportReason;
  note: string | undefined;
}

interface StateRow {
  id: string;
  article_id: string;
  parent_id: string | null;
  author_id: string;
  status: CommentStatus;
  body: string;
  verdict: unknown;
  open_reports: number;
  decided_at: Date | null;
  created_at: Date;
  featured: boolean;
}

/** Raised inside a transaction to roll it back: the author's posting version moved since the facts were read. */
class FactsChanged extends Error {}

/**
 * The one writer of comment rows. Every change of state is one transaction: the row locked, the
 * transition's rules asked, the change applied with its audit entry and its live event. The
 * counters follow the status in the same transaction, kept by the database (a comment counts while
 * it is published), so no caller moves them.
 */
@Injectable()
export class CommentLifecycleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores a post in one statement, unless it is refused: `facts-changed` when another post or edit
   * of the author's was stored since `authorVersion` was read, `rate-limited` when its hit on the
   * author's rate limit went past the limit. The author's row is locked first: two posts of one
   * author run one after the other, and the second finds the version moved, so quotas stay exact.
   * Only a post that holds the lock on the facts it was judged on counts its hit (whether stored or
   * refused by the limit): one that lost the race to a parallel post is judged again, and does not
   * use up the author's limit for nothing.
   */
  async store(scope: SiteScope, comment: NewComment): Promise<StoreOutcome> {
    const { rateLimit } = comment;
    const [row] = await this.prisma.$queryRaw<(Partial<CommentSqlRow> & Partial<WindowHitRow>)[]>`
      WITH author AS (
        SELECT id FROM users WHERE id = ${comment.authorId}::uuid AND posting_version = ${comment.authorVersion} FOR UPDATE
      ), hit AS (${windowHitStatement(rateLimit.key, rateLimit.windowSeconds, Prisma.sql`FROM author`)}),
      moved AS (
        UPDATE users SET posting_version = posting_version + 1,
                         trust = CASE WHEN ${comment.promotesAuthor} AND trust = 'new' THEN 'regular' ELSE trust END
        WHERE id = (SELECT id FROM author) AND (SELECT count FROM hit) <= ${rateLimit.count}
        RETURNING id
      ), inserted AS (
        INSERT INTO comments (id, site_id, article_id, parent_id, author_id, body, status, verdict, rule_ids, idempotency_key)
        SELECT uuidv7(), ${scope.siteId}, ${comment.articleId}, ${comment.parentId}::uuid, moved.id, ${comment.body},
               ${comment.status}::"CommentStatus", ${JSON.stringify(comment.verdict)}::jsonb,
               ${ruleIdsOf(comment.verdict)}::text[], ${comment.idempotencyKey}
        FROM moved
        RETURNING ${COMMENT_COLUMNS_UNQUALIFIED}
      ), queued AS (${announceRowsSql('comment.queued', Prisma.raw('inserted'), Prisma.sql`r.status = 'pending'`)}),
      reply_mail AS (${replyMailSql(scope, Prisma.raw('inserted'))}),
      webhooks AS (${webhookEventSql(
        scope,
        Prisma.sql`CASE r.status WHEN 'published' THEN 'comment.published' WHEN 'pending' THEN 'comment.held' END`,
        Prisma.sql`jsonb_build_object('commentId', r.id, 'articleId', r.article_id, 'parentId', r.parent_id, 'authorId', r.author_id, 'status', r.status)`,
        Prisma.sql`inserted r`,
      )})
      SELECT hit.count, hit.window_start, inserted.*, u.display_name AS author_name, (SELECT count(*) FROM queued) AS announced
      FROM (SELECT 1) AS attempt LEFT JOIN hit ON true LEFT JOIN inserted ON true LEFT JOIN users u ON u.id = inserted.author_id`;
    if (row!.count === undefined || row!.count === null) return { outcome: 'facts-changed' };
    const window = toWindowCount(row as WindowHitRow);
    if (row!.id === undefined || row!.id === null) {
      return { outcome: window.count > rateLimit.count ? 'rate-limited' : 'facts-changed', window };
    }
    return { outcome: 'stored', comment: fromCommentSqlRow(row as CommentSqlRow), window };
  }

  /** One transition of one comment, as `plan` decides on the comment locked as it stands. */
  async transition(scope: SiteScope, commentId: string, plan: (current: CommentState) => TransitionPlan): Promise<TransitionOutcome> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const current = await lockComment(tx, scope, commentId);
        if (!current) return { outcome: 'missing' };
        const planned = plan(current);
        if ('unchanged' in planned) return { outcome: 'unchanged' };
        await applyChange(tx, scope, current, planned.change);
        return { outcome: 'changed' };
      });
    } catch (error) {
      if (error instanceof FactsChanged) return { outcome: 'facts-changed' };
      throw error;
    }
  }

  /**
   * Records a reader's report on a published comment (a repeat by the same reader changes nothing)
   * and lets `plan` decide, with the report counted, whether the comment goes back to the queue.
   */
  async report(
    scope: SiteScope,
    commentId: string,
    report: NewReport,
    plan: (current: CommentState) => TransitionPlan,
  ): Promise<{ outcome: 'missing' } | { outcome: 'reported'; articleId: string; created: boolean; requeued: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      const before = await lockComment(tx, scope, commentId);
      if (!before || before.status !== 'published') return { outcome: 'missing' };
      const created =
        (await tx.$executeRaw`
          INSERT INTO comment_reports (comment_id, reporter_id, reason, note)
          VALUES (${commentId}::uuid, ${report.reporterId}::uuid, ${report.reason}::"ReportReason", ${report.note ?? null})
          ON CONFLICT DO NOTHING`) === 1;
      if (!created) return { outcome: 'reported', articleId: before.articleId, created, requeued: false };
      await tx.$executeRaw`UPDATE comments SET report_count = report_count + 1, open_reports = open_reports + 1 WHERE id = ${commentId}::uuid`;
      await queueCommentWebhook(tx, scope, 'comment.reported', commentId, { reason: report.reason });
      const current = { ...before, openReports: before.openReports + 1 };
      const planned = plan(current);
      if ('change' in planned) await applyChange(tx, scope, current, planned.change);
      else await announce(tx, scope, { type: 'comment.reported', commentId, articleId: current.articleId, status: current.status });
      return { outcome: 'reported', articleId: current.articleId, created, requeued: 'change' in planned };
    });
  }

  /**
   * Part of a ban, inside the ban's transaction `tx`: every comment of the author still waiting for review is
   * rejected, each with its audit entry and live event. Returns their ids.
   */
  async rejectPendingOf(tx: Prisma.TransactionClient, scope: SiteScope, authorId: string, actorId: string, reason: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      WITH rejected AS (
        UPDATE comments SET status = 'rejected', decided_at = now(), decided_by_id = ${actorId}::uuid, decision_reason = ${reason}
        WHERE author_id = ${authorId}::uuid AND site_id = ${scope.siteId} AND status = 'pending'
        RETURNING id, site_id, article_id, status
      ), announced AS (${announceRowsSql('comment.decided', Prisma.raw('rejected'))})
      SELECT id FROM rejected, (SELECT count(*) FROM announced) a`;
    await appendLogEntries(
      tx,
      scope,
      rows.map(({ id }) => ({ actorId, action: 'reject', commentId: id, targetUserId: authorId, reason, details: { partOfBan: true } })),
    );
    return rows.map(({ id }) => id);
  }
}

async function lockComment(tx: Prisma.TransactionClient, scope: SiteScope, commentId: string): Promise<CommentState | null> {
  const [row] = await tx.$queryRaw<StateRow[]>`
    SELECT id, article_id, parent_id, author_id, status, body, verdict, open_reports, decided_at, created_at, featured_at IS NOT NULL AS featured
    FROM comments WHERE id = ${commentId}::uuid AND site_id = ${scope.siteId} FOR UPDATE`;
  if (!row) return null;
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    status: row.status,
    body: row.body,
    verdict: parseStoredVerdict(row.verdict),
    openReports: row.open_reports,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    featured: row.featured,
  };
}

async function applyChange(tx: Prisma.TransactionClient, scope: SiteScope, current: CommentState, change: CommentChange): Promise<void> {
  const { edit, decision } = change;
  if (edit) {
    const moved = await tx.$executeRaw`
      UPDATE users SET posting_version = posting_version + 1 WHERE id = ${current.authorId}::uuid AND posting_version = ${edit.authorVersion}`;
    if (moved === 0) throw new FactsChanged();
    await tx.$executeRaw`
      INSERT INTO comment_revisions (id, comment_id, body, verdict, written_at)
      SELECT uuidv7(), id, body, verdict, coalesce(edited_at, created_at) FROM comments WHERE id = ${current.id}::uuid`;
  }
  await tx.comment.update({
    where: { id: current.id },
    data: {
      status: change.status,
      ...(decision ? { decidedAt: new Date(), decidedById: decision.byId, decisionReason: decision.reason } : {}),
      ...(change.clearReports ? { openReports: 0 } : {}),
      ...(change.deleted ? { deletedAt: new Date() } : {}),
      ...(change.featuredBy === undefined ? {} : { featuredAt: change.featuredBy ? new Date() : null, featuredById: change.featuredBy }),
      ...(edit ? { body: edit.body, verdict: edit.verdict, ruleIds: edit.ruleIds, editedAt: new Date() } : {}),
    },
  });
  if (change.promoteAuthorAt !== undefined) {
    await tx.$executeRaw`
      UPDATE users SET trust = 'regular'
      WHERE id = ${current.authorId}::uuid AND trust = 'new'
        AND (SELECT count(*) FROM comments WHERE author_id = ${current.authorId}::uuid AND status = 'published') >= ${change.promoteAuthorAt}`;
  }
  if (decision) await recordDecisionExample(tx, scope, current, change.status, decision.byId);
  await appendLogEntries(tx, scope, change.audit);
  await announce(tx, scope, { type: change.event, commentId: current.id, articleId: current.articleId, status: change.status });
  await queueNotifications(tx, scope, current, change);
}

/** Mail to the readers concerned and webhooks to publishers, in the transaction of the change they tell about. */
async function queueNotifications(tx: Prisma.TransactionClient, scope: SiteScope, current: CommentState, change: CommentChange): Promise<void> {
  if (change.decision) {
    const action = change.status === 'published' ? 'approve' : 'reject';
    if (current.status === 'pending')
      await queueMail(tx, scope, current.authorId, { kind: 'decision', commentId: current.id, action, reason: change.decision.reason || null });
    await queueCommentWebhook(tx, scope, 'comment.decided', current.id, { action, reason: change.decision.reason || null, moderatorId: change.decision.byId });
  }
  if (change.status === 'published' && current.status !== 'published' && current.parentId) {
    // A reply held for review reaches the thread's author when it is published.
    await tx.$executeRaw`WITH r AS (SELECT id, parent_id, author_id, status FROM comments WHERE id = ${current.id}::uuid) ${replyMailSql(scope, Prisma.raw('r'))}`;
  }
  if (change.status === 'pending' && current.status !== 'pending') await queueCommentWebhook(tx, scope, 'comment.held', current.id);
}

/**
 * A moderator's decision as a labelled example (rejected: abusive, approved: clean), in the decision's
 * transaction, so the examples are exactly the decisions recorded. A later decision replaces it.
 */
async function recordDecisionExample(
  tx: Prisma.TransactionClient,
  scope: SiteScope,
  current: CommentState,
  status: CommentStatus,
  decidedById: string,
): Promise<void> {
  const label = status === 'rejected' ? 1 : 0;
  const queue = current.status === 'published' && current.openReports > 0 ? 'reported' : current.status;
  const score = current.verdict.reasons.find((reason) => reason.score !== undefined)?.score ?? null;
  await tx.$executeRaw`
    INSERT INTO decision_examples (comment_id, site_id, body, label, queue, policy_version, rule_ids, score, decided_by_id)
    VALUES (${current.id}::uuid, ${scope.siteId}, ${current.body}, ${label}, ${queue}, ${current.verdict.policyVersion}, ${ruleIdsOf(current.verdict)}::text[], ${score}, ${decidedById}::uuid)
    ON CONFLICT (comment_id) DO UPDATE SET body = excluded.body, label = excluded.label, queue = excluded.queue,
      policy_version = excluded.policy_version, rule_ids = excluded.rule_ids, score = excluded.score,
      decided_by_id = excluded.decided_by_id, decided_at = now()`;
}
