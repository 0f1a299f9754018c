import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';
import type { AuthorTrust } from '@/modules/policy/engine/engine.js';

/** An author's record as the policy weighs it, read at one moment. */
export interface AuthorRecord {
  /** The author's posting version then: what is judged on these facts is stored only if it has not moved. */
  version: number;
  trust: AuthorTrust;
  since: Date;
  approvedCount: number;
  rejectedCount: number;
  postedToday: number;
  postedOnArticle: number;
  priorComments: number;
  recent: { body: string; postedAt: Date }[];
}

export interface AuthorFactsQuery {
  authorId: string;
  articleId: string;
  /** Comments since then count as the author's recent ones (duplicates, flooding). */
  recentSince: Date;
  /** The comment being edited, which is no earlier comment of its own. */
  excludeCommentId?: string | undefined;
}

interface AuthorRecordRow {
  version: number;
  trust: AuthorTrust;
  since: Date;
  approved: number;
  rejected: number;
  today: number;
  on_article: number;
  prior: number;
  recent: { body: string; postedAt: string }[];
}

@Injectable()
export class AuthorFactsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One read, no lock: quotas, history, trust and recent texts, with the version that guards them. */
  /**
   * Counted on the site's comments only: an operator posting on several sites has a record on each.
   */
  async authorRecord(scope: SiteScope, query: AuthorFactsQuery): Promise<AuthorRecord | null> {
    const excluded = query.excludeCommentId ?? null;
    const [row] = await this.prisma.$queryRaw<AuthorRecordRow[]>`
      SELECT u.posting_version AS version, u.trust, u.created_at AS since, a.approved, a.rejected, a.today, a.on_article, a.prior,
             (SELECT coalesce(json_agg(json_build_object('body', r.body, 'postedAt', r.created_at)), '[]'::json)
              FROM (SELECT body, created_at FROM comments
                    WHERE author_id = u.id AND site_id = ${scope.siteId} AND created_at >= ${query.recentSince} AND id IS DISTINCT FROM ${excluded}::uuid
                    ORDER BY created_at DESC LIMIT 20) r) AS recent
      FROM users u, LATERAL (
        SELECT count(*) FILTER (WHERE status = 'published')::int AS approved,
               count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
               count(*) FILTER (WHERE status <> 'rejected'
                                AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int AS today,
               count(*) FILTER (WHERE status <> 'rejected' AND article_id = ${query.articleId})::int AS on_article,
               count(*)::int AS prior
        FROM comments WHERE author_id = u.id AND site_id = ${scope.siteId} AND id IS DISTINCT FROM ${excluded}::uuid) a
      WHERE u.id = ${query.authorId}::uuid`;
    if (!row) return null;
    return {
      version: row.version,
      trust: row.trust,
      since: row.since,
      approvedCount: row.approved,
      rejectedCount: row.rejected,
      postedToday: row.today,
      postedOnArticle: row.on_article,
      priorComments: row.prior,
      recent: row.recent.map((recent) => ({ body: recent.body, postedAt: new Date(recent.postedAt) })),
    };
  }
}
