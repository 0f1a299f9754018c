import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { Prisma } from '@/generated/prisma/client.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

export interface NewLogEntry {
  actorId: string;
  action: string;
  commentId?: string | undefined;
  targetUserId?: string | undefined;
  reason?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface LogFilter {
  commentId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  articleId?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
}

export interface LogEntryRecord {
  id: bigint;
  at: Date;
  actorId: string;
  action: string;
  commentId: string | null;
  targetUserId: string | null;
  reason: string | null;
  details: unknown;
}

/**
 * Appends entries of the site's log through `db`: the transaction that made the change they record,
 * so an entry exists exactly when its change does.
 */
export async function appendLogEntries(db: Prisma.TransactionClient, scope: SiteScope, entries: NewLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.moderationLogEntry.createMany({
    data: entries.map((entry) => ({
      siteId: scope.siteId,
      actorId: entry.actorId,
      action: entry.action,
      commentId: entry.commentId ?? null,
      targetUserId: entry.targetUserId ?? null,
      reason: entry.reason || null,
      details: (entry.details ?? {}) as Prisma.InputJsonObject,
    })),
  });
}

/** Append-only by construction: nothing here updates or deletes, and entries are appended by `appendLogEntries`. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The entries about a user's standing (`actions`), newest first. */
  standingOf(scope: SiteScope, userId: string, actions: readonly string[], limit: number): Promise<LogEntryRecord[]> {
    return this.prisma.moderationLogEntry.findMany({
      omit: { siteId: true },
      where: { siteId: scope.siteId, targetUserId: userId, action: { in: [...actions] } },
      orderBy: { id: 'desc' },
      take: limit,
    });
  }

  /**
   * Oldest first, after the id `afterId`. An article's entries are those naming it in their details
   * (article changes, automatic actions) and those of its comments.
   */
  list(scope: SiteScope, filter: LogFilter, limit: number, afterId?: bigint): Promise<LogEntryRecord[]> {
    const where = [Prisma.sql`l.site_id = ${scope.siteId}`];
    if (filter.commentId) where.push(Prisma.sql`l.comment_id = ${filter.commentId}::uuid`);
    if (filter.userId) where.push(Prisma.sql`(l.target_user_id = ${filter.userId}::uuid OR l.actor_id = ${filter.userId}::uuid)`);
    if (filter.action) where.push(Prisma.sql`l.action = ${filter.action}`);
    if (filter.actorId) where.push(Prisma.sql`l.actor_id = ${filter.actorId}::uuid`);
    if (filter.articleId) {
      where.push(Prisma.sql`(l.details->>'articleId' = ${filter.articleId} OR l.comment_id IN (
        SELECT c.id FROM comments c WHERE c.site_id = ${scope.siteId} AND c.article_id = ${filter.articleId}))`);
    }
    if (filter.since) where.push(Prisma.sql`l.at >= ${filter.since}`);
    if (filter.until) where.push(Prisma.sql`l.at < ${filter.until}`);
    if (afterId !== undefined) where.push(Prisma.sql`l.id > ${afterId}`);
    return this.prisma.$queryRaw<LogEntryRecord[]>`
      SELECT l.id, l.at, l.actor_id::text AS "actorId", l.action, l.comment_id::text AS "commentId",
             l.target_user_id::text AS "targetUserId", l.reason, l.details
      FROM moderation_log l
      WHERE ${Prisma.join(where, ' AND ')}
      ORDER BY l.id
      LIMIT ${limit + 1}`;
  }
}
