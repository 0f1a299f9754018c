import { Injectable } from '@nestjs/common';
import { likeLiteral } from '@/database/like-pattern.js';
import { PrismaService } from '@/database/prisma.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { type PolicyOverrides, readOverrides } from '@/modules/policy/layers/policy-overrides.js';
import { appendLogEntries } from '@/modules/audit/audit-log.repository.js';
import type { ArticleListQuery, PutArticleDto } from './articles.dto.js';

export interface ArticleRecord {
  id: string;
  title: string;
  url: string;
  section: string | null;
  commentsOpen: boolean;
  premoderation: boolean;
  /** The article's own changes to its section's and site's policy. */
  policyOverrides: PolicyOverrides;
  memorial: boolean;
  /** What the automatic moderation did ('closed' or 'premoderated'), until a moderator reverses it. */
  autoAction: string | null;
  autoActionAt: Date | null;
  autoReversedAt: Date | null;
  commentCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const OMIT = { siteId: true } as const;

function fromRow<T extends { policyOverrides: unknown }>(row: T): Omit<T, 'policyOverrides'> & { policyOverrides: PolicyOverrides } {
  return { ...row, policyOverrides: readOverrides(row.policyOverrides) };
}

@Injectable()
export class ArticlesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Creates or updates the article and, when that created it or changed what the log follows (open,
   * premoderation, memorial, section), appends an `article_change` entry in the same transaction.
   * The row is locked first, so the entry says exactly what this change replaced.
   */
  async upsert(scope: SiteScope, id: string, data: PutArticleDto, actorId: string): Promise<ArticleRecord> {
    const { siteId } = scope;
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM articles WHERE site_id = ${siteId} AND id = ${id} FOR UPDATE`;
      const before = await tx.article.findUnique({ where: { siteId_id: { siteId, id } }, omit: OMIT });
      const after = await tx.article.upsert({ where: { siteId_id: { siteId, id } }, create: { siteId, id, ...data }, update: data, omit: OMIT });
      const changes = articleChanges(before, after);
      if (changes) await appendLogEntries(tx, scope, [{ actorId, action: 'article_change', details: { articleId: id, ...changes } }]);
      return fromRow(after);
    });
  }

  /**
   * The site's articles, newest first, after `after` (the last of the page before), with how many of
   * each one's comments wait in the pending queue. `search` is an id or a title substring, any case.
   */
  async list(
    scope: SiteScope,
    query: Omit<ArticleListQuery, 'cursor'>,
    after: { createdAt: Date; id: string } | undefined,
  ): Promise<(ArticleRecord & { pendingCount: number })[]> {
    const { siteId } = scope;
    const rows = await this.prisma.article.findMany({
      where: {
        siteId,
        ...(query.search
          ? {
              OR: [
                { id: { contains: likeLiteral(query.search), mode: 'insensitive' } },
                { title: { contains: likeLiteral(query.search), mode: 'insensitive' } },
              ],
            }
          : {}),
        ...(query.section ? { section: query.section } : {}),
        ...STATE_WHERE[query.state ?? 'any'],
        ...(after ? { AND: [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      omit: OMIT,
    });
    const pending = rows.length
      ? await this.prisma.comment.groupBy({
          by: ['articleId'],
          where: { siteId, articleId: { in: rows.map((row) => row.id) }, status: 'pending' },
          _count: { _all: true },
        })
      : [];
    const pendingOf = new Map(pending.map((group) => [group.articleId, group._count._all]));
    return rows.map((row) => ({ ...fromRow(row), pendingCount: pendingOf.get(row.id) ?? 0 }));
  }

  /** Creates the article unless it exists; an existing one is left exactly as it is. */
  async createIfMissing(scope: SiteScope, id: string, data: PutArticleDto): Promise<ArticleRecord> {
    const { siteId } = scope;
    return fromRow(await this.prisma.article.upsert({ where: { siteId_id: { siteId, id } }, create: { siteId, id, ...data }, update: {}, omit: OMIT }));
  }

  async findById(scope: SiteScope, id: string): Promise<ArticleRecord | null> {
    const row = await this.prisma.article.findUnique({ where: { siteId_id: { siteId: scope.siteId, id } }, omit: OMIT });
    return row ? fromRow(row) : null;
  }

  /**
   * Replaces the article's own policy changes, logged as `article_policy_change` with what they
   * replaced (read under the row lock); null when there is no such article.
   */
  async setPolicyOverrides(
    scope: SiteScope,
    id: string,
    overrides: PolicyOverrides,
    change: { actorId: string; reason: string },
  ): Promise<ArticleRecord | null> {
    return this.prisma.$transaction(async (tx) => {
      const [before] = await tx.$queryRaw<{ overrides: unknown }[]>`
        SELECT policy_overrides AS overrides FROM articles WHERE site_id = ${scope.siteId} AND id = ${id} FOR UPDATE`;
      if (!before) return null;
      const row = await tx.article.update({ where: { siteId_id: { siteId: scope.siteId, id } }, data: { policyOverrides: overrides }, omit: OMIT });
      await appendLogEntries(tx, scope, [
        { actorId: change.actorId, action: 'article_policy_change', reason: change.reason, details: { articleId: id, from: before.overrides, to: overrides } },
      ]);
      return fromRow(row);
    });
  }
}

/** The articles list's `state`, on the stored settings (a comment window that ended shows in each item's status). */
const STATE_WHERE = {
  any: {},
  open: { commentsOpen: true },
  closed: { commentsOpen: false },
  premoderated: { premoderation: true },
  memorial: { memorial: true },
} as const;

const LOGGED_SETTINGS = ['commentsOpen', 'premoderation', 'memorial', 'section'] as const;

/** What the log records of a put: the creation, or each followed setting that changed (`from`, `to`). */
function articleChanges(
  before: Pick<ArticleRecord, (typeof LOGGED_SETTINGS)[number] | 'title'> | null,
  after: Pick<ArticleRecord, (typeof LOGGED_SETTINGS)[number] | 'title'>,
): Record<string, unknown> | null {
  if (!before) return { created: true, title: after.title, changes: Object.fromEntries(LOGGED_SETTINGS.map((key) => [key, { from: null, to: after[key] }])) };
  const changed = LOGGED_SETTINGS.filter((key) => before[key] !== after[key]);
  if (changed.length === 0) return null;
  return { created: false, changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }])) };
}
