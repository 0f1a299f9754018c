import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import { appendLogEntries } from '@/modules/audit/audit-log.repository.js';
import { MODERATION_EVENTS } from '@/modules/comments/lifecycle/moderation-events.js';
import { automationActorId } from '@/modules/sites/automation-actor.repository.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

export type AutoAction = 'closed' | 'premoderated';

/** An automatic action or its reversal, as moderators' pages hear it live. */
export interface ArticleAutomationEvent {
  type: 'article.auto_moderated' | 'article.auto_reversed';
  siteId: string;
  articleId: string;
  action: AutoAction;
}

/** The article's side of its lifecycle: the recent share of held comments, and the automatic actions. */
@Injectable()
export class ArticleLifecycleRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Comments posted on the article since `since` (not before its last reversal), and how many were held or rejected. */
  async recentShare(scope: SiteScope, articleId: string, since: Date): Promise<{ total: number; held: number }> {
    const [row] = await this.prisma.$queryRaw<{ total: number; held: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE c.status IN ('pending', 'rejected'))::int AS held
      FROM comments c JOIN articles a ON a.site_id = c.site_id AND a.id = c.article_id
      WHERE c.site_id = ${scope.siteId} AND c.article_id = ${articleId} AND c.created_at >= ${since}
        AND (a.auto_reversed_at IS NULL OR c.created_at > a.auto_reversed_at)`;
    return row!;
  }

  /**
   * Closes the article or makes it premoderated, unless an automatic action is already in force or it
   * is already closed, with the log entry and the live event in the same transaction. False when it
   * changed nothing (another post got there first).
   */
  async act(scope: SiteScope, articleId: string, action: AutoAction, details: Record<string, unknown>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const changed =
        action === 'closed'
          ? await tx.$executeRaw`
              UPDATE articles SET comments_open = false, auto_action = 'closed', auto_action_at = now()
              WHERE site_id = ${scope.siteId} AND id = ${articleId} AND auto_action IS NULL AND comments_open`
          : await tx.$executeRaw`
              UPDATE articles SET premoderation = true, auto_action = 'premoderated', auto_action_at = now()
              WHERE site_id = ${scope.siteId} AND id = ${articleId} AND auto_action IS NULL AND NOT premoderation`;
      if (changed === 0) return false;
      // The actor is the site's automation user, no person: the log shows it as "Comment Desk automation".
      await appendLogEntries(tx, scope, [
        { actorId: await automationActorId(tx, scope), action: `auto_${action === 'closed' ? 'close' : 'premoderate'}`, details: { articleId, ...details } },
      ]);
      await announce(tx, { type: 'article.auto_moderated', siteId: scope.siteId, articleId, action });
      return true;
    });
  }

  /** Undoes the automatic action in force; null when there is none. */
  async reverse(scope: SiteScope, articleId: string, actorId: string, reason: string): Promise<AutoAction | null> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ action: AutoAction }[]>`
        WITH before AS (
          SELECT auto_action FROM articles WHERE site_id = ${scope.siteId} AND id = ${articleId} AND auto_action IS NOT NULL FOR UPDATE
        )
        UPDATE articles a SET auto_action = NULL, auto_reversed_at = now(),
          comments_open = CASE WHEN b.auto_action = 'closed' THEN true ELSE a.comments_open END,
          premoderation = CASE WHEN b.auto_action = 'premoderated' THEN false ELSE a.premoderation END
        FROM before b WHERE a.site_id = ${scope.siteId} AND a.id = ${articleId}
        RETURNING b.auto_action AS action`;
      if (!row) return null;
      await appendLogEntries(tx, scope, [{ actorId, action: 'auto_action_reversed', reason, details: { articleId, action: row.action } }]);
      await announce(tx, { type: 'article.auto_reversed', siteId: scope.siteId, articleId, action: row.action });
      return row.action;
    });
  }
}

async function announce(tx: { $executeRaw: PrismaService['$executeRaw'] }, event: ArticleAutomationEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${MODERATION_EVENTS}, ${JSON.stringify(event)})`;
}
